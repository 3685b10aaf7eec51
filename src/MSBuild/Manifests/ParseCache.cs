using System.Collections.Concurrent;

namespace K8sGen.MSBuild.Manifests;

/// <summary>
/// The strict parses of one build, by YAML text: on publish the container settings, the build folder and the
/// publish folder read the same YAML, and it is parsed once. The tasks keep one per build (MSBuild's
/// registered task objects, dropped when the build ends); the parsed models are only read.
/// </summary>
public sealed class ParseCache
{
    private readonly ConcurrentDictionary<string, (IReadOnlyList<object> Objects, IReadOnlyList<ImageSite> Images)> _parsed = new(StringComparer.Ordinal);
    private int _parses;

    /// <summary>How many texts were parsed (not found here).</summary>
    public int Parses => _parses;

    internal bool TryGet(string yaml, out (IReadOnlyList<object> Objects, IReadOnlyList<ImageSite> Images) parsed) => _parsed.TryGetValue(yaml, out parsed);

    internal void Add(string yaml, IReadOnlyList<object> objects, IReadOnlyList<ImageSite> images)
    {
        Interlocked.Increment(ref _parses);
        _parsed[yaml] = (objects, images);
    }
}
