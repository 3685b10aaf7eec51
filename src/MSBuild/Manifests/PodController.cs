using k8s.Models;

namespace K8sGen.MSBuild.Manifests;

/// <summary>
/// A Deployment, StatefulSet or DaemonSet seen as what the cross-resource checks need: a kind, a name, a selector
/// and the pod template it selects (the long-running workloads that Services, autoscalers and budgets refer to).
/// </summary>
public sealed record PodController(string Kind, V1ObjectMeta Metadata, V1LabelSelector? Selector, V1PodTemplateSpec Template)
{
    /// <summary>The controller an object is, or null for any other object.</summary>
    public static PodController? Of(object item) => item switch
    {
        V1Deployment d => new(d.Kind ?? "Deployment", d.Metadata, d.Spec.Selector, d.Spec.Template),
        V1StatefulSet s => new(s.Kind ?? "StatefulSet", s.Metadata, s.Spec.Selector, s.Spec.Template),
        V1DaemonSet d => new(d.Kind ?? "DaemonSet", d.Metadata, d.Spec.Selector, d.Spec.Template),
        _ => null,
    };
}
