namespace K8sGen.MSBuild.Manifests;

/// <summary>
/// A problem with the manifests, reported as an MSBuild error: its code, what it concerns (workload,
/// resource, field) and where the workload is declared, when known.
/// </summary>
public sealed record ManifestError(string Code, string Message, string? File = null, int Line = 0, int Column = 0)
{
    /// <summary>The message with its code first, as MSBuild users search for it.</summary>
    public override string ToString() => $"{Code}: {Message}";
}

/// <summary>Codes of the build task's errors (KSG2xxx; KSG1xxx belong to the analyzer). Each has a page in docs/diagnostics.</summary>
public static class ErrorCodes
{
    public const string UnreadableAssembly = "KSG2001";
    public const string InvalidDocument = "KSG2002";
    public const string SelectorMismatch = "KSG2003";
    public const string ServiceMismatch = "KSG2004";
    public const string IngressBackendMismatch = "KSG2005";
    public const string DuplicateName = "KSG2006";
    public const string InvalidImage = "KSG2007";
    public const string ServiceMonitorMismatch = "KSG2008";
    public const string WriteFailed = "KSG2009";
    public const string ContainerUserMismatch = "KSG2010";
    public const string ContainerFailed = "KSG2011"; // raised by build/K8sGen.targets (_K8sGenPublishContainer), not by a task
    public const string GeneratorDidNotRun = "KSG2012";
    public const string ScalingTargetMismatch = "KSG2013";
    public const string OverlayConflict = "KSG2014";
    public const string SmokeTestFailed = "KSG2015";
    public const string VolumeClaimMismatch = "KSG2016";
    public const string AccountMismatch = "KSG2017";
}
