using K8sGen.Generator.Kubernetes;

namespace K8sGen.Generator.Features;

/// <summary>CPU and memory requests and limits, as written.</summary>
internal static class AddResources
{
    public static void Apply(ManifestContext context)
    {
        if (context.Model.Resources is { } resources)
        {
            Write(context.Container, resources);
        }
    }

    /// <summary>A container's requests and limits (nothing when none is set).</summary>
    public static void Write(YamlMap container, ResourcesModel resources)
    {
        if (resources.CpuRequest.Value is null && resources.MemoryRequest.Value is null && resources.CpuLimit.Value is null && resources.MemoryLimit.Value is null)
        {
            return;
        }

        var map = container.Map("resources");
        if (resources.CpuLimit.Value is not null || resources.MemoryLimit.Value is not null)
        {
            var limits = map.Map("limits");
            AddIfSet(limits, "cpu", resources.CpuLimit.Value);
            AddIfSet(limits, "memory", resources.MemoryLimit.Value);
        }

        if (resources.CpuRequest.Value is not null || resources.MemoryRequest.Value is not null)
        {
            var requests = map.Map("requests");
            AddIfSet(requests, "cpu", resources.CpuRequest.Value);
            AddIfSet(requests, "memory", resources.MemoryRequest.Value);
        }
    }

    private static void AddIfSet(YamlMap map, string key, string? value)
    {
        if (value is not null)
        {
            map.Add(key, value);
        }
    }
}
