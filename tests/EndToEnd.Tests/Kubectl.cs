using System.Diagnostics;

namespace K8sGen.EndToEnd.Tests;

/// <summary>The real <c>kubectl kustomize</c> (offline): what <c>kubectl apply -k</c> would send.</summary>
internal static class Kubectl
{
    public static string Kustomize(string directory)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(directory);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"kubectl kustomize {directory} failed: {error}");
        return output.Result;
    }
}
