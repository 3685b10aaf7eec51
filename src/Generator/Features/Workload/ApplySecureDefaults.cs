using System.Linq;
using K8sGen.Generator.Kubernetes;

namespace K8sGen.Generator.Features;

/// <summary>
/// product.md's secure defaults: non-root as the .NET images' <c>app</c> user, no privilege
/// escalation, all capabilities dropped, RuntimeDefault seccomp, a read-only root filesystem with a
/// writable emptyDir at <c>/tmp</c>, and no service account token.
/// </summary>
internal static class ApplySecureDefaults
{
    public static void Apply(ManifestContext context)
    {
        var pod = context.PodSpec;
        // Only a workload with its own ServiceAccount that talks to the API gets the token (RbacFeature).
        pod.Add("automountServiceAccountToken", RbacFeature.Of(context.Model)?.Automount ?? false);
        var podSecurity = pod.Map("securityContext")
            .Add("runAsNonRoot", true)
            .Add("runAsUser", WellKnown.AppUserId)
            .Add("runAsGroup", WellKnown.AppUserId);
        if (VolumesFeature.HasPersistentStorage(context.Model))
        {
            // Storage drivers create volumes owned by root: the app's group must own them for the app to write.
            // OnRootMismatch: the kubelet changes ownership once, not on every start of a large volume.
            podSecurity.Add("fsGroup", WellKnown.AppUserId).Add("fsGroupChangePolicy", "OnRootMismatch");
        }

        podSecurity.Map("seccompProfile").Add("type", "RuntimeDefault");

        foreach (var container in context.AllContainers())
        {
            var security = container.Map("securityContext")
                .Add("allowPrivilegeEscalation", false)
                .Add("readOnlyRootFilesystem", true)
                .Add("runAsNonRoot", true);
            security.Map("capabilities").Sequence("drop").Add("ALL");
            container.Sequence("volumeMounts").AddMap().Add("name", WellKnown.TmpVolume).Add("mountPath", "/tmp");
        }

        pod.Sequence("volumes").AddMap().Add("name", WellKnown.TmpVolume).Add("emptyDir", context.NewMap());
    }
}
