using System.Collections.Generic;
using K8sGen.Generator.Model;

namespace K8sGen.Generator.Features;

/// <summary>
/// An ASP.NET Core app listens where <c>[Port]</c> says: <c>ASPNETCORE_HTTP_PORTS</c> in the manifest (the task puts it
/// in the image too). Reads no attribute of its own; its check against the app's code (KSG1015) is project-wide,
/// in the analyzer.
/// </summary>
internal sealed class ListenPortsFeature : Feature
{
    public override string Name => "ListenPorts";

    public override IReadOnlyList<Decorator> Decorators { get; } = [new("SetListenPorts", Stage.Pod, SetListenPorts.Apply, "AddEnvironment")];

    public override IEnumerable<string> EnvironmentVariables(WorkloadModel model, GeneratorOptions options) =>
        SetListenPorts.Writes(model, options) ? [KestrelVariables.HttpPorts] : [];
}
