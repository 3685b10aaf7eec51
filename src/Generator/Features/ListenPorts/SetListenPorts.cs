using K8sGen.Generator.Kubernetes;


namespace K8sGen.Generator.Features;

/// <summary>
/// <c>ASPNETCORE_HTTP_PORTS</c> with the declared ports, for an app with Kestrel (see <see cref="KestrelListen"/>):
/// after the user's variables, before the dependencies' URLs.
/// </summary>
internal static class SetListenPorts
{
    public static void Apply(ManifestContext context)
    {
        if (context.Options.Kestrel && KestrelListen.HttpPortsValue(context.Model) is { } ports)
        {
            context.Container.Sequence("env").AddMap().Add("name", KestrelVariables.HttpPorts).Add("value", ports);
        }
    }

    /// <summary>The variable is written for this workload.</summary>
    public static bool Writes(Model.WorkloadModel model, Model.GeneratorOptions options) => options.Kestrel && KestrelListen.HttpPortsValue(model) is not null;
}
