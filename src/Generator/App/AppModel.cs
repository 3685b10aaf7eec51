using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sGen.Generator.App;

/// <summary>
/// What the application's code does that its manifests must agree with: the endpoints it maps and the
/// configuration it reads. Features check their settings against it (<see cref="Features.Feature.CheckApp"/>).
/// </summary>
/// <param name="Endpoints">Every endpoint; null when K8sGen cannot know them all, or the app maps none (a library, a worker).</param>
/// <param name="ConfigurationReads">Required reads with literal keys; null when the app adds configuration K8sGen cannot see.</param>
/// <param name="Settings">The project's <c>appsettings*.json</c>, by file name.</param>
/// <param name="ExtraSettingsFiles">Those the code loads itself (<c>AddJsonFile("appsettings.Shared.json")</c>): in every environment.</param>
internal sealed record AppModel(EndpointSet? Endpoints, IReadOnlyList<ConfigRead>? ConfigurationReads, IReadOnlyDictionary<string, string> Settings, IReadOnlyList<string> ExtraSettingsFiles);

/// <summary>
/// Collects an <see cref="AppModel"/> while the analyzer walks the project's operations (thread-safe: the
/// analyzer runs concurrently), and builds it at the end of the compilation.
/// </summary>
internal sealed class AppDiscovery
{
    private readonly EndpointDiscovery _endpoints = new();
    private readonly ConfigurationDiscovery _configuration = new();

    /// <summary>Why the endpoints are not known (empty when they are).</summary>
    public IEnumerable<string> UnknownEndpoints => _endpoints.Unknown;

    public void OnInvocation(IInvocationOperation invocation)
    {
        _endpoints.OnInvocation(invocation);
        _configuration.OnInvocation(invocation);
    }

    public void OnPropertyReference(IPropertyReferenceOperation reference)
    {
        _endpoints.OnPropertyReference(reference);
        _configuration.OnPropertyReference(reference);
    }

    public void OnObjectCreation(IObjectCreationOperation creation) => _configuration.OnObjectCreation(creation);

    public void OnAssignment(ISimpleAssignmentOperation assignment) => _configuration.OnAssignment(assignment);

    public void OnFieldInitializer(IFieldInitializerOperation initializer) => _configuration.OnFieldInitializer(initializer);

    public void OnMethodReference(IMethodReferenceOperation reference) => _endpoints.OnMethodReference(reference);

    public AppModel Build(Compilation compilation, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var endpoints = _endpoints.Endpoints(compilation, cancellationToken);
        return new AppModel(endpoints is { Count: > 0 } ? new EndpointSet(endpoints) : null, _configuration.Reads, settings, [.. _configuration.ExtraFiles]);
    }
}
