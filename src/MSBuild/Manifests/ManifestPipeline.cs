namespace K8sGen.MSBuild.Manifests;

/// <summary>What the build task asks for.</summary>
/// <param name="AssemblyPath">The compiled assembly holding the generator's YAML.</param>
/// <param name="OutputDirectory">Where the manifests go (e.g. bin/Release/net10.0/publish/k8s/).</param>
/// <param name="ProjectImage">The image the SDK builds for this project, when known; replaces the compile-time default.</param>
/// <param name="ValidatedStamp">Where the last validation is recorded (<see cref="ValidationStamp"/>); null: validate every time.</param>
public sealed record ManifestRequest(string AssemblyPath, string OutputDirectory, string? ProjectImage, string? ValidatedStamp = null);

/// <summary>The outcome: errors (nothing was written) or what was written, per workload with its kinds.</summary>
/// <param name="Errors">What is wrong; when any, no file was touched.</param>
/// <param name="Written">The files written, unchanged and removed.</param>
/// <param name="Workloads">Each workload's kinds, for the build's summary line.</param>
/// <param name="Warning">Why nothing was done although nothing is wrong (the generator did not run).</param>
/// <param name="Validated">False when the YAML was the one the stamp records as validated, so parsing and checks were skipped.</param>
public sealed record ManifestOutcome(IReadOnlyList<ManifestError> Errors, WriteResult? Written, IReadOnlyList<(string Workload, IReadOnlyList<string> Kinds)> Workloads, ManifestError? Warning = null, bool Validated = true);

/// <summary>
/// The task's work as plain code: read the YAML from the assembly, stamp the project image, validate
/// everything, and only then write. Any error means no file is touched.
/// </summary>
public static class ManifestPipeline
{
    /// <param name="request">What to read and where to write.</param>
    /// <param name="cache">The build's parses, shared with the other tasks of the build (null: parse here).</param>
    public static ManifestOutcome Run(ManifestRequest request, ParseCache? cache = null)
    {
        EmbeddedManifests embedded;
        try
        {
            embedded = EmbeddedManifests.Read(request.AssemblyPath);
        }
        catch (Exception exception) when (exception is IOException or BadImageFormatException or InvalidOperationException or UnauthorizedAccessException)
        {
            return Failed(new ManifestError(ErrorCodes.UnreadableAssembly, $"cannot read the manifests from '{request.AssemblyPath}': {exception.Message.TrimEnd('.')}."));
        }

        if (!embedded.GeneratorRan)
        {
            // Without the generator's mark the assembly says nothing about workloads: deleting manifests would be a guess.
            return new ManifestOutcome([], null, [], new ManifestError(ErrorCodes.GeneratorDidNotRun, $"the K8sGen generator did not run for '{Path.GetFileName(request.AssemblyPath)}' (are analyzers or source generators disabled?); the manifests in '{request.OutputDirectory}' were left as they are."));
        }

        if (request.ProjectImage is { Length: > 0 } checkedImage && ImageStamp.Check(checkedImage) is { } imageError)
        {
            return Failed(new ManifestError(ErrorCodes.InvalidImage, $"the project image '{checkedImage}' is not a valid image reference: {imageError}. Check ContainerRegistry, ContainerRepository and ContainerImageTag(s)."));
        }

        // The YAML this task validated last time, byte for byte, is valid again: no parse. A project image is put in
        // place where the parse found the images, so a publish that stamps one always parses.
        var key = request.ProjectImage is not { Length: > 0 } && request.ValidatedStamp is not null ? ValidationStamp.Key(embedded.Workloads) : null;
        if (key is not null && ValidationStamp.Read(request.ValidatedStamp!, key, embedded.Workloads) is { } validatedKinds)
        {
            return Write(request, embedded, embedded.Workloads, validatedKinds, validated: false);
        }

        // One strict parse of the generator's YAML; the image is then put in place where that parse found it.
        var errors = ManifestValidator.Validate(embedded.Workloads, out var parsed, cache);
        if (errors.Count > 0)
        {
            if (key is not null)
            {
                ValidationStamp.Delete(request.ValidatedStamp!);
            }

            return new ManifestOutcome(errors, null, []);
        }

        var workloads = embedded.Workloads;
        if (request.ProjectImage is { Length: > 0 } image && embedded.DefaultImage is { } defaultImage)
        {
            var stampedWorkloads = new List<WorkloadYaml>(parsed.Count);
            foreach (var workload in parsed)
            {
                try
                {
                    stampedWorkloads.Add(workload.Source with { Yaml = ImageStamp.Apply(workload, defaultImage, image) });
                }
                catch (InvalidOperationException exception)
                {
                    return Failed(new ManifestError(ErrorCodes.InvalidDocument, $"workload '{workload.Source.Name}': the project image cannot be put in place: {exception.Message}.", workload.Source.SourceFile));
                }
            }

            workloads = stampedWorkloads;
        }

        var kinds = parsed
            .Select(p => (p.Source.Name, (IReadOnlyList<string>)[.. p.Objects.OfType<k8s.IKubernetesObject>().Select(o => o.Kind)]))
            .ToList();
        var outcome = Write(request, embedded, workloads, kinds, validated: true);
        if (key is not null)
        {
            if (outcome.Errors.Count == 0)
            {
                ValidationStamp.Write(request.ValidatedStamp!, key, kinds);
            }
            else
            {
                ValidationStamp.Delete(request.ValidatedStamp!);
            }
        }

        return outcome;
    }

    /// <summary>The overlays composed, then every file written.</summary>
    private static ManifestOutcome Write(ManifestRequest request, EmbeddedManifests embedded, IReadOnlyList<WorkloadYaml> workloads, IReadOnlyList<(string Workload, IReadOnlyList<string> Kinds)> kinds, bool validated)
    {
        var overlayErrors = new List<ManifestError>();
        var overlays = Overlays.Compose(embedded.Overlays, request.ProjectImage is { Length: > 0 } finalImage ? finalImage : embedded.DefaultImage ?? string.Empty, overlayErrors);
        if (overlayErrors.Count > 0)
        {
            return new ManifestOutcome(overlayErrors, null, []);
        }

        try
        {
            var project = Path.GetFileNameWithoutExtension(request.AssemblyPath);
            var written = ManifestWriter.Write(request.OutputDirectory, workloads, project, overlays, Topology.Compose(project, embedded.Topology));
            return new ManifestOutcome([], written, kinds, Validated: validated);
        }
        catch (ManifestWriteException exception)
        {
            return Failed(new ManifestError(ErrorCodes.WriteFailed, exception.Message + "."));
        }
    }

    private static ManifestOutcome Failed(ManifestError error) => new([error], null, []);
}
