using System.Collections.Immutable;
using K8sGen.Generator.Model;
using static K8sGen.Generator.Diagnostics.DiagnosticDescriptors;

namespace K8sGen.Generator.Features;

/// <summary>Any string argument of any K8sGen attribute: characters that cannot reach the cluster unchanged (KSG1090).</summary>
internal static class TextRules
{
    public static void Check(WorkloadModel model, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        foreach (var problem in model.TextProblems)
        {
            diagnostics.Add(DiagnosticInfo.Create(UnwritableText, problem.Location, problem.Argument, problem.Attribute, problem.Character, problem.Reason));
        }
    }
}
