using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using K8sGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace K8sGen.Generator.App;

/// <summary>What the code reads: a key's value, a section it binds, a connection string, a raw environment variable.</summary>
internal enum ConfigReadKind
{
    Key,
    Section,
    ConnectionString,
    EnvironmentVariable,
}

/// <summary>
/// One place the code reads configuration with a literal key. <see cref="Key"/> is the configuration path
/// (<c>Db:Host</c>, <c>ConnectionStrings:shop</c>) or, for <see cref="ConfigReadKind.EnvironmentVariable"/>, the variable's name.
/// </summary>
internal sealed record ConfigRead(ConfigReadKind Kind, string Key, LocationInfo Location);

/// <summary>
/// Finds the configuration the code reads with literal keys (<c>configuration["Db:Host"]</c>, <c>GetValue&lt;T&gt;</c>,
/// <c>GetConnectionString</c>, <c>GetSection("X").Bind</c>/<c>Get&lt;T&gt;</c>/<c>GetRequiredSection</c>, <c>BindConfiguration</c>,
/// <c>Environment.GetEnvironmentVariable</c>). Reads with a default (<c>?? "x"</c>, <c>GetValue(key, default)</c>, a null
/// check) are optional and left out; a section K8sGen cannot follow is left out. When the app adds configuration
/// providers of its own (Key Vault, another file, in-memory values), nothing is reported: K8sGen cannot see their keys.
/// </summary>
internal sealed class ConfigurationDiscovery
{
    private const string Configuration = "Microsoft.Extensions.Configuration";

    private readonly ConcurrentBag<ConfigRead> _reads = [];
    private readonly ConcurrentBag<string> _providers = [];

    /// <summary>Every required read, in source order; null when the app adds providers K8sGen cannot see into.</summary>
    public IReadOnlyList<ConfigRead>? Reads => _providers.IsEmpty
        ? _reads.OrderBy(r => r.Location.FilePath, StringComparer.Ordinal).ThenBy(r => r.Location.Span.Start).ToList()
        : null;

    public void OnInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "GetEnvironmentVariable" when Symbols.Is(method.ContainingType, "System", "Environment"):
                Add(ConfigReadKind.EnvironmentVariable, Symbols.Constant(Symbols.Argument(invocation, "variable")?.Value), invocation);
                return;
            case "GetValue" when Symbols.Is(method.ContainingType, Configuration, "ConfigurationBinder"):
                if (Symbols.Argument(invocation, "defaultValue") is null or { ArgumentKind: ArgumentKind.DefaultValue })
                {
                    AddUnder(ConfigReadKind.Key, invocation, Symbols.Constant(Symbols.Argument(invocation, "key")?.Value));
                }

                return;
            case "GetConnectionString" when Symbols.Is(method.ContainingType, Configuration, "ConfigurationExtensions"):
                AddUnder(ConfigReadKind.ConnectionString, invocation, Symbols.Constant(Symbols.Argument(invocation, "name")?.Value) is { } name ? "ConnectionStrings:" + name : null);
                return;
            case "GetRequiredSection" when Symbols.Is(method.ContainingType, Configuration, "ConfigurationExtensions"):
                AddUnder(ConfigReadKind.Section, invocation, Symbols.Constant(Symbols.Argument(invocation, "key")?.Value));
                return;
            case "GetSection" when Consumer(invocation) is IArgumentOperation { Parent: IInvocationOperation consumer } && !IsConfigurationMethod(consumer.TargetMethod):
                // Handed to something that binds it: services.Configure<T>(configuration.GetSection("X")).
                AddUnder(ConfigReadKind.Section, invocation, Symbols.Constant(Symbols.Argument(invocation, "key")?.Value));
                return;
            case "Bind" or "Get" when Symbols.Is(method.ContainingType, Configuration, "ConfigurationBinder") && Symbols.Receiver(invocation) is { } section
                && SectionPath(section, 0) is { Length: > 0 } path:
                Add(ConfigReadKind.Section, path, invocation);
                return;
            case "BindConfiguration":
                Add(ConfigReadKind.Section, Symbols.Constant(Symbols.Argument(invocation, "configSectionPath")?.Value), invocation);
                return;
        }

        if (method.Name.StartsWith("Add", StringComparison.Ordinal) && method.IsExtensionMethod && method.Parameters.Length > 0
            && Symbols.Is(method.Parameters[0].Type, Configuration, "IConfigurationBuilder") && !IsKnownProvider(invocation, method))
        {
            _providers.Add(method.Name);
        }
    }

    /// <summary><c>configuration["Db:Host"]</c> and <c>section.Value</c>.</summary>
    public void OnPropertyReference(IPropertyReferenceOperation reference)
    {
        var property = reference.Property;
        if (property.IsIndexer && IsConfigurationType(property.ContainingType) && reference.Arguments.Length == 1 && reference.Instance is { } instance)
        {
            if (reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference)
            {
                return; // configuration["X"] = …: a write
            }

            if (Symbols.Constant(reference.Arguments[0].Value) is { } key && SectionPath(instance, 0) is { } path)
            {
                Add(ConfigReadKind.Key, Join(path, key), reference);
            }
        }
        else if (property.Name == "Value" && IsConfigurationType(property.ContainingType) && reference.Instance is { } section
            && !(reference.Parent is ISimpleAssignmentOperation write && write.Target == reference) && SectionPath(section, 0) is { Length: > 0 } path)
        {
            Add(ConfigReadKind.Key, path, reference);
        }
    }

    private void AddUnder(ConfigReadKind kind, IInvocationOperation invocation, string? key)
    {
        if (key is not null && Symbols.Receiver(invocation) is { } receiver && SectionPath(receiver, 0) is { } path)
        {
            Add(kind, Join(path, key), invocation);
        }
    }

    private void Add(ConfigReadKind kind, string? key, IOperation read)
    {
        if (key is { Length: > 0 } && !IsOptional(read))
        {
            _reads.Add(new ConfigRead(kind, key, LocationInfo.From(read.Syntax)));
        }
    }

    /// <summary>What uses the value, past the conversions around it.</summary>
    private static IOperation? Consumer(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent;
    }

    /// <summary>Read with a fallback or a null check: <c>?? "x"</c>, <c>?.</c>, <c>is null</c>, <c>string.IsNullOrEmpty(…)</c>.</summary>
    private static bool IsOptional(IOperation read)
    {
        var current = read;
        var parent = current.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            current = parent;
            parent = parent.Parent;
        }

        return parent switch
        {
            ICoalesceOperation coalesce => coalesce.Value == current,
            IConditionalAccessOperation access => access.Operation == current,
            IIsPatternOperation => true,
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary =>
                binary.LeftOperand.ConstantValue is { HasValue: true, Value: null } || binary.RightOperand.ConstantValue is { HasValue: true, Value: null },
            IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "IsNullOrEmpty" or "IsNullOrWhiteSpace" } } => true,
            _ => false,
        };
    }

    /// <summary>
    /// The section an expression is: "" for the app's configuration (<c>builder.Configuration</c>, an injected
    /// <c>IConfiguration</c>), <c>A:B</c> for <c>GetSection("A").GetSection("B")</c> (through locals); null when
    /// K8sGen cannot tell (a section handed in as a parameter).
    /// </summary>
    private static string? SectionPath(IOperation operation, int depth)
    {
        operation = Symbols.Unwrap(operation);
        if (depth > 8)
        {
            return null;
        }

        switch (operation)
        {
            case IInvocationOperation { TargetMethod.Name: "GetSection" or "GetRequiredSection" } get when Symbols.Receiver(get) is { } inner:
                return Symbols.Constant(Symbols.Argument(get, "key")?.Value) is { } key && SectionPath(inner, depth + 1) is { } outer ? Join(outer, key) : null;
            case ILocalReferenceOperation local:
                return Symbols.Initializer(local) is { } initializer ? SectionPath(initializer, depth + 1) : null;
            case IPropertyReferenceOperation { Property.Name: "Configuration" }:
                return string.Empty; // builder.Configuration, context.Configuration
            case IParameterReferenceOperation parameter:
                // Injected (a constructor's or a handler lambda's parameter) is the app's configuration; a method's may be a section.
                return IsRoot(parameter.Type) || (Symbols.Is(parameter.Type, Configuration, "IConfiguration")
                    && parameter.Parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.AnonymousFunction })
                    ? string.Empty
                    : null;
            case IFieldReferenceOperation or IPropertyReferenceOperation:
                return IsRoot(operation.Type) || Symbols.Is(operation.Type, Configuration, "IConfiguration") ? string.Empty : null;
            default:
                return IsRoot(operation.Type) ? string.Empty : null;
        }
    }

    private static bool IsRoot(ITypeSymbol? type) =>
        type?.Name is "IConfigurationRoot" or "ConfigurationManager" or "IConfigurationManager" && Symbols.Is(type, Configuration, type.Name);

    private static bool IsConfigurationType(INamedTypeSymbol type) =>
        type.Name is "IConfiguration" or "IConfigurationSection" or "IConfigurationRoot" or "IConfigurationManager" or "ConfigurationManager" or "ConfigurationSection" or "ConfigurationRoot"
        && Symbols.Is(type, Configuration, type.Name);

    /// <summary>A call that reads through a section (so the section itself is not the read).</summary>
    private static bool IsConfigurationMethod(IMethodSymbol method) =>
        Symbols.InNamespace(method.ContainingType.ContainingNamespace, Configuration)
        && method.Name is "GetSection" or "GetRequiredSection" or "GetValue" or "GetConnectionString" or "Exists" or "GetChildren" or "AsEnumerable";

    /// <summary>Providers whose keys K8sGen knows: environment variables, the appsettings files it reads, and the host's defaults.</summary>
    private static bool IsKnownProvider(IInvocationOperation invocation, IMethodSymbol method) =>
        method.Name switch
        {
            "AddEnvironmentVariables" => Symbols.Argument(invocation, "prefix") is null or { ArgumentKind: ArgumentKind.DefaultValue },
            "AddJsonFile" => Symbols.Constant(Symbols.Argument(invocation, "path")?.Value) is { } path
                && System.IO.Path.GetFileName(path).StartsWith("appsettings", StringComparison.Ordinal) && path.EndsWith(".json", StringComparison.Ordinal),
            "AddUserSecrets" or "AddCommandLine" => true, // secrets are a developer's machine's; the command line is the workload's Args
            _ => false,
        };

    private static string Join(string path, string key) => path.Length == 0 ? key : path + ":" + key;
}
