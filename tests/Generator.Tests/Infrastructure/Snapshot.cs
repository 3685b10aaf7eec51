using System.Runtime.CompilerServices;

namespace K8sGen.Generator.Tests.Infrastructure;

/// <summary>
/// Verify-style snapshots as plain files a reviewer reads in the diff: <c>_snapshots/NAME.verified.yaml</c>
/// beside the test. On a mismatch the actual text goes to <c>NAME.received.yaml</c> and the test fails;
/// to accept, review the received file and rename it (or run with <c>K8SGEN_ACCEPT_SNAPSHOTS=1</c>
/// outside CI). Under <c>CI=true</c> a missing snapshot fails.
/// </summary>
public static class Snapshot
{
    public static void Match(string actual, string name, string extension = "yaml", [CallerFilePath] string testFile = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(testFile)!, "_snapshots");
        var verified = Path.Combine(directory, $"{name}.verified.{extension}");
        var received = Path.Combine(directory, $"{name}.received.{extension}");
        var expected = File.Exists(verified) ? File.ReadAllText(verified) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        var isCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        Directory.CreateDirectory(directory);
        if (!isCi && Environment.GetEnvironmentVariable("K8SGEN_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No snapshot {verified} yet. Review {received} and rename it to accept."
            : $"Snapshot {name} differs. Compare {received} with {verified}; rename the received file to accept.");
    }
}
