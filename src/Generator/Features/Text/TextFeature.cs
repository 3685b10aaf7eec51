using System.Collections.Immutable;
using K8sGen.Generator.Model;

namespace K8sGen.Generator.Features;

/// <summary>Every string argument of every K8sGen attribute: characters that cannot reach the cluster unchanged (KSG1090; read by the parser for all attributes).</summary>
internal sealed class TextFeature : Feature
{
    public override string Name => "Text";

    public override void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics) => TextRules.Check(model, diagnostics);
}
