using K8sGen.Generator.Kubernetes;


namespace K8sGen.Generator.Features;

/// <summary>Environment variables in declaration order (later ones may refer to earlier ones as <c>$(NAME)</c>).</summary>
internal static class AddEnvironment
{
    public static void Apply(ManifestContext context)
    {
        if (context.Model.Env.IsEmpty)
        {
            return;
        }

        var env = context.Container.Sequence("env");
        foreach (var variable in context.Model.Env)
        {
            var entry = env.AddMap().Add("name", variable.Name.Value!);
            switch (variable.Source)
            {
                case EnvSource.Value:
                    entry.Add("value", variable.Reference.Value ?? string.Empty);
                    break;
                case EnvSource.Secret:
                    entry.Map("valueFrom").Map("secretKeyRef").Add("name", variable.Reference.Value!).Add("key", variable.Key.Value!);
                    break;
                case EnvSource.ConfigMap:
                    entry.Map("valueFrom").Map("configMapKeyRef").Add("name", variable.Reference.Value!).Add("key", variable.Key.Value!);
                    break;
            }
        }
    }
}
