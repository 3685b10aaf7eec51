using System.Diagnostics;

namespace K8sGen.EndToEnd.Tests;

/// <summary>Runs the real .NET SDK, as a user would, in a scratch project outside the repository.</summary>
internal static class Dotnet
{
    public static readonly string RepositoryRoot = FindRoot();

    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} took more than 5 minutes");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    public static string ScratchDirectory(string name)
    {
        var path = Path.Combine(Path.GetTempPath(), "k8sgen-e2e", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "K8sGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("K8sGen.sln not found above " + AppContext.BaseDirectory);
    }
}
