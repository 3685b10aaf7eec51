using K8sGen.MSBuild.Manifests;
using Microsoft.Build.Framework;

namespace K8sGen.MSBuild.Tasks;

/// <summary>The <see cref="ParseCache"/> of the current build, shared by K8sGen's tasks and dropped when the build ends.</summary>
internal static class BuildParseCache
{
    private const string Key = "K8sGen.ParseCache";

    public static ParseCache For(IBuildEngine engine)
    {
        if (engine is not IBuildEngine4 registry)
        {
            return new ParseCache();
        }

        lock (typeof(BuildParseCache))
        {
            if (registry.GetRegisteredTaskObject(Key, RegisteredTaskObjectLifetime.Build) is ParseCache cache)
            {
                return cache;
            }

            cache = new ParseCache();
            registry.RegisterTaskObject(Key, cache, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: true);
            return cache;
        }
    }
}
