using System.Diagnostics;

namespace K8sGen.EndToEnd.Tests;

/// <summary>Runs a command-line tool (skopeo, podman, kubectl) and returns its exit code and output.</summary>
internal static class Tool
{
    public static (int ExitCode, string Output) Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', arguments)} took more than 3 minutes");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    /// <summary>A bash script in <paramref name="directory"/>, with <paramref name="environment"/> added, stopped after <paramref name="timeout"/>.</summary>
    public static (int ExitCode, string Output) Bash(string directory, string script, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-euo", "pipefail", "-c", script })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        // One stream, in order, as a pipeline's log shows it.
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} took more than {timeout}:\n{output}");
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString());
    }

    public static string Succeed(string tool, params string[] arguments)
    {
        var (exitCode, output) = Run(tool, arguments);
        Assert.True(exitCode == 0, $"{tool} {string.Join(' ', arguments)} failed:\n{output}");
        return output;
    }
}

/// <summary>
/// The local registry and base image that eng/containers.sh starts (eng/test.sh and .ci/run export these).
/// Missing settings fail the test rather than skip it: CI must never pass without running it.
/// </summary>
internal static class ContainerEnvironment
{
    public static string Registry => Required("K8SGEN_TEST_REGISTRY");

    public static string BaseImage => Required("K8SGEN_TEST_BASE_IMAGE");

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the tests through eng/test.sh, which starts a registry on 127.0.0.1:5000 with a .NET base image (eng/containers.sh).");
}
