namespace K8sGen.Generator;

/// <summary>Names of the incremental steps, so tests can check what each one did on a re-run.</summary>
internal static class TrackingNames
{
    public const string Options = nameof(Options);
    public const string Workloads = nameof(Workloads);
    public const string Valid = nameof(Valid);
    public const string Manifests = nameof(Manifests);
    public const string Index = nameof(Index);
    public const string Dropped = nameof(Dropped);
}
