using System.Collections.Immutable;
using K8sGen.Generator.Model;
using K8sGen.Generator.Policy;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace K8sGen.Generator.Features;

/// <summary>
/// KSG3005 for the workload's image: the one written on the attribute, else the project's, whose tag is the SDK's
/// (<c>latest</c> unless the project sets <c>ContainerImageTag(s)</c>, since .NET 8) unless publish pins it by digest.
/// </summary>
internal static class WorkloadPolicy
{
    /// <summary>Diagnostic property: the image reference a fix puts in place of the mutable one.</summary>
    public const string ImageProperty = "image";

    public static void Check(WorkloadModel model, PolicyOptions policy, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (model.Image.Value is { } image)
        {
            if (MutableImage("Image", image, model.Image.Location, policy.Version) is { } diagnostic)
            {
                diagnostics.Add(diagnostic);
            }
        }
        else if (!policy.PinDigest && policy.ProjectImageTag is null or "latest")
        {
            var detail = policy.ProjectImageTag is null
                ? "has the tag 'latest', the SDK's default since .NET 8 (set <ContainerImageTag>$(Version)</ContainerImageTag>, or K8sGenPinDigest=true to name it by digest)"
                : "has the tag 'latest' (ContainerImageTag; or K8sGenPinDigest=true to name it by digest)";
            diagnostics.Add(DiagnosticInfo.Create(MutableImageTag, model.WorkloadAttribute, "The project's image", policy.ProjectImage, detail, PullPolicy.Repository(policy.ProjectImage) + ":" + (policy.Version ?? "1.2.3")));
        }
    }

    /// <summary>KSG3005 for an image written in code, or null when it is pinned by a tag or digest.</summary>
    /// <param name="fixTag">The tag a fix puts in (the project's Version for its own image); null offers no fix.</param>
    public static DiagnosticInfo? MutableImage(string subject, string image, LocationInfo location, string? fixTag)
    {
        if (!PullPolicy.IsMutable(image))
        {
            return null;
        }

        var suggestion = PullPolicy.Repository(image) + ":" + (fixTag ?? "1.2.3");
        var detail = PullPolicy.Tag(image) is null ? "has no tag, so Kubernetes pulls 'latest'" : "has the tag 'latest'";
        var diagnostic = DiagnosticInfo.Create(MutableImageTag, location, subject, image, detail, suggestion);
        return fixTag is null ? diagnostic : diagnostic.With(ImageProperty, suggestion);
    }
}
