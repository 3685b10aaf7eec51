using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using K8sGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
/// <c>Environment.GetEnvironmentVariable</c>). Reads with a default or a null check are optional and left out; a
/// configuration K8sGen cannot tell is the app's (a section handed in) is left out. When the app adds configuration
/// providers of its own (Key Vault, another file, in-memory values), nothing is reported: K8sGen cannot see their keys.
/// </summary>
internal sealed class ConfigurationDiscovery
{
    private const string Configuration = "Microsoft.Extensions.Configuration";

    /// <summary>The types whose <c>Configuration</c> property is the app's configuration.</summary>
    private static readonly HashSet<string> HostTypes = new(StringComparer.Ordinal)
    {
        "WebApplicationBuilder", "WebApplication", "HostApplicationBuilder", "IHostApplicationBuilder", "HostBuilderContext", "WebHostBuilderContext",
    };

    private readonly ConcurrentBag<(ConfigRead Read, ISymbol? Via)> _reads = [];
    private readonly ConcurrentBag<string> _providers = [];
    private readonly ConcurrentBag<string> _files = [];
    private readonly ConcurrentDictionary<ISymbol, bool> _givenSections = new(SymbolEqualityComparer.Default);

    /// <summary>Every required read, in source order; null when the app adds providers K8sGen cannot see into.</summary>
    public IReadOnlyList<ConfigRead>? Reads => _providers.IsEmpty
        ? _reads
            .Where(r => r.Via is null || !(_givenSections.ContainsKey(r.Via) || (r.Via is IFieldSymbol heldBy && _givenSections.ContainsKey(heldBy.ContainingType)))) // read through an IConfiguration some code hands a section
            .Select(r => r.Read)
            .OrderBy(r => r.Location.FilePath, StringComparer.Ordinal).ThenBy(r => r.Location.Span.Start).ToList()
        : null;

    /// <summary>The project's own settings files the code loads explicitly (<c>AddJsonFile("appsettings.Shared.json")</c>): loaded in every environment.</summary>
    public IEnumerable<string> ExtraFiles => _files.Distinct(StringComparer.Ordinal);

    public void OnInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "GetEnvironmentVariable" when Symbols.Is(method.ContainingType, "System", "Environment"):
                Add(ConfigReadKind.EnvironmentVariable, Symbols.Constant(Symbols.Argument(invocation, "variable")?.Value), invocation, null);
                return;
            case "GetValue" when Symbols.Is(method.ContainingType, Configuration, "ConfigurationBinder"):
                // With a default, or of a value type (GetValue<bool>("X") gives false when X is missing): the code expects it may be.
                if (Symbols.Argument(invocation, "defaultValue") is null or { ArgumentKind: ArgumentKind.DefaultValue }
                    && !(method.TypeArguments.Length == 1 && method.TypeArguments[0] is { IsValueType: true } valueType && valueType.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T))
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
                && SectionPath(section, 0) is { Path.Length: > 0 } path:
                Add(ConfigReadKind.Section, path.Path, invocation, path.Via);
                return;
            case "BindConfiguration":
                Add(ConfigReadKind.Section, Symbols.Constant(Symbols.Argument(invocation, "configSectionPath")?.Value), invocation, null);
                return;
        }

        if (AddsProvider(invocation, method) is { } provider)
        {
            _providers.Add(provider);
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
                Add(ConfigReadKind.Key, Join(path.Path, key), reference, path.Via);
            }
        }
        else if (property.Name == "Value" && IsConfigurationType(property.ContainingType) && reference.Instance is { } section
            && !(reference.Parent is ISimpleAssignmentOperation write && write.Target == reference) && SectionPath(section, 0) is { Path.Length: > 0 } path)
        {
            Add(ConfigReadKind.Key, path.Path, reference, path.Via);
        }
    }

    /// <summary>
    /// <c>new Client(configuration.GetSection("Payments"))</c>: the type gets a section where it takes an <c>IConfiguration</c>,
    /// so its reads through that parameter (or a field) are not of the app's configuration.
    /// </summary>
    public void OnObjectCreation(IObjectCreationOperation creation)
    {
        if (creation.Constructor is not { } constructor || creation.Type is not INamedTypeSymbol type)
        {
            return;
        }

        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is { } parameter && Symbols.Is(parameter.Type, Configuration, "IConfiguration") && SectionPath(argument.Value, 0) is not { Path.Length: 0 })
            {
                _givenSections[type] = true;
            }
        }
    }

    /// <summary><c>_payments = configuration.GetSection("Payments")</c>: the field holds a section, so its reads are not of the app's configuration.</summary>
    public void OnAssignment(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Target is IFieldReferenceOperation field && Symbols.Is(field.Type, Configuration, "IConfiguration") && SectionPath(assignment.Value, 0) is not { Path.Length: 0 })
        {
            _givenSections[field.Field.OriginalDefinition] = true;
        }
    }

    /// <summary><c>private readonly IConfiguration _payments = configuration.GetSection("Payments");</c></summary>
    public void OnFieldInitializer(IFieldInitializerOperation initializer)
    {
        foreach (var field in initializer.InitializedFields)
        {
            if (Symbols.Is(field.Type, Configuration, "IConfiguration") && SectionPath(initializer.Value, 0) is not { Path.Length: 0 })
            {
                _givenSections[field.OriginalDefinition] = true;
            }
        }
    }

    private void AddUnder(ConfigReadKind kind, IInvocationOperation invocation, string? key)
    {
        if (key is not null && Symbols.Receiver(invocation) is { } receiver && SectionPath(receiver, 0) is { } path)
        {
            Add(kind, Join(path.Path, key), invocation, path.Via);
        }
    }

    private void Add(ConfigReadKind kind, string? key, IOperation read, ISymbol? via)
    {
        if (key is { Length: > 0 } && !IsOptional(read))
        {
            _reads.Add((new ConfigRead(kind, key, LocationInfo.From(read.Syntax)), via));
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

    /// <summary>
    /// Read with a fallback or a null check: either side of <c>??</c> (but <c>?? throw</c> is required), <c>?.</c>,
    /// <c>is null</c>, <c>== null</c>, a switch (it may have a null arm), <c>string.IsNullOrEmpty(…)</c>,
    /// <c>TryParse(…)</c>, or a local that is null-checked so.
    /// </summary>
    private static bool IsOptional(IOperation read)
    {
        if (OnlyInDevelopment(read.Syntax))
        {
            return true;
        }

        var current = read;
        var parent = current.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            current = parent;
            parent = parent.Parent;
        }

        switch (parent)
        {
            case ICoalesceOperation coalesce:
                return !(coalesce.Value == current && Symbols.Unwrap(coalesce.WhenNull) is IThrowOperation);
            case IConditionalAccessOperation or IIsPatternOperation or ISwitchExpressionOperation or ISwitchOperation:
                return true;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                return binary.LeftOperand.ConstantValue is { HasValue: true, Value: null } || binary.RightOperand.ConstantValue is { HasValue: true, Value: null };
            case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "IsNullOrEmpty" or "IsNullOrWhiteSpace" or "TryParse" } }:
                return true;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return NullChecked(declarator);
            default:
                return false;
        }
    }

    /// <summary>Under an <c>if</c> whose condition asks <c>IsDevelopment()</c>: not read in a cluster's pod.</summary>
    private static bool OnlyInDevelopment(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null && current is not MemberDeclarationSyntax; current = current.Parent)
        {
            if (current is IfStatementSyntax { Condition: var condition } statement && !statement.Condition.Span.Contains(node.Span)
                && statement.Else?.Span.Contains(node.Span) != true
                && condition.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(n => n.Identifier.ValueText == "IsDevelopment"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The local is checked for null somewhere in its file (by name: K8sGen only needs "maybe").</summary>
    private static bool NullChecked(IVariableDeclaratorOperation declarator) =>
        Symbols.TreeFacts.Of(declarator.Syntax.SyntaxTree).NullChecked.Contains(declarator.Symbol.Name);

    /// <summary>
    /// The section an expression is ("" for the app's configuration, <c>A:B</c> for <c>GetSection("A").GetSection("B")</c>,
    /// through locals), and the type whose field or constructor parameter it came through (its reads are dropped when some
    /// code constructs that type with a section); null when K8sGen cannot tell.
    /// </summary>
    private static (string Path, ISymbol? Via)? SectionPath(IOperation operation, int depth)
    {
        operation = Symbols.Unwrap(operation);
        if (depth > 8)
        {
            return null;
        }

        switch (operation)
        {
            case IInvocationOperation { TargetMethod.Name: "GetSection" or "GetRequiredSection" } get when Symbols.Receiver(get) is { } inner:
                return Symbols.Constant(Symbols.Argument(get, "key")?.Value) is { } key && SectionPath(inner, depth + 1) is { } outer ? (Join(outer.Path, key), outer.Via) : null;
            case ILocalReferenceOperation local:
                return Symbols.Initializer(local) is { } initializer ? SectionPath(initializer, depth + 1) : null;
            case IPropertyReferenceOperation { Property.Name: "Configuration" } host when HostTypes.Contains(host.Property.ContainingType.Name):
                return (string.Empty, null); // builder.Configuration, context.Configuration
            case IParameterReferenceOperation parameter when IsRoot(parameter.Type):
                return (string.Empty, null);
            case IParameterReferenceOperation parameter when Symbols.Is(parameter.Type, Configuration, "IConfiguration"):
                // Injected: a constructor's parameter (unless some code constructs the type with a section), a handler's.
                return parameter.Parameter.ContainingSymbol switch
                {
                    IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => (string.Empty, constructor.ContainingType),
                    IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } when IsHandler(parameter) => (string.Empty, null),
                    _ => null,
                };
            case IFieldReferenceOperation field when Symbols.Is(field.Type, Configuration, "IConfiguration") || IsRoot(field.Type):
                // Assigned from the constructor, as DI code does: unless some code constructs the type with a section, or assigns the field one.
                return (string.Empty, field.Field.OriginalDefinition);
            default:
                return IsRoot(operation.Type) ? (string.Empty, null) : null;
        }
    }

    /// <summary>A parameter of a minimal API handler (<c>app.MapGet("/", (IConfiguration c) => …)</c>): DI gives the app's configuration.</summary>
    private static bool IsHandler(IParameterReferenceOperation parameter)
    {
        for (var current = parameter.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda && SymbolEqualityComparer.Default.Equals(lambda.Symbol, parameter.Parameter.ContainingSymbol))
            {
                return lambda.Parent is IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: var name } } }
                    && name.StartsWith("Map", StringComparison.Ordinal);
            }
        }

        return false;
    }

    private static bool IsRoot(ITypeSymbol? type) =>
        type?.Name is "IConfigurationRoot" or "ConfigurationManager" or "IConfigurationManager" && Symbols.Is(type, Configuration, type.Name);

    private static bool IsConfigurationType(INamedTypeSymbol type) =>
        type.Name is "IConfiguration" or "IConfigurationSection" or "IConfigurationRoot" or "IConfigurationManager" or "ConfigurationManager" or "ConfigurationSection" or "ConfigurationRoot"
        && Symbols.Is(type, Configuration, type.Name);

    /// <summary>A call that reads through a section (so the section itself is not the read, the call is).</summary>
    private static bool IsConfigurationMethod(IMethodSymbol method) =>
        Symbols.InNamespace(method.ContainingType.ContainingNamespace, Configuration)
        && method.Name is "GetSection" or "GetRequiredSection" or "GetValue" or "GetConnectionString" or "Exists" or "GetChildren" or "AsEnumerable" or "Bind" or "Get";

    /// <summary>
    /// A configuration provider the call adds whose keys K8sGen cannot see (its description), or null. Known: environment
    /// variables without a prefix, the project's own appsettings files by name, the command line (the workload's Args),
    /// user secrets (a developer's machine's). Anything else on a configuration builder, its <c>Sources</c>, or a
    /// library's extension of the host builders may add keys.
    /// </summary>
    private string? AddsProvider(IInvocationOperation invocation, IMethodSymbol method)
    {
        var name = method.Name;
        var receiverType = Symbols.Receiver(invocation) is { } receiver ? Symbols.Unwrap(receiver).Type : null;
        if (name is "Add" or "Insert" && (invocation.Instance is IPropertyReferenceOperation { Property.Name: "Sources" } || Symbols.Is(method.ContainingType, Configuration, "IConfigurationBuilder")))
        {
            return "a configuration source added by hand";
        }

        if (method.IsExtensionMethod && method.Parameters.Length > 0 && Symbols.Is(method.Parameters[0].Type, Configuration, "IConfigurationBuilder"))
        {
            switch (name)
            {
                case "AddEnvironmentVariables" when Symbols.Argument(invocation, "prefix") is null or { ArgumentKind: ArgumentKind.DefaultValue }:
                case "AddUserSecrets" or "AddCommandLine":
                    return null;
                case "AddJsonFile" when Symbols.Constant(Symbols.Argument(invocation, "path")?.Value) is { } path
                    && path.IndexOfAny(['/', '\\']) < 0 && path.StartsWith("appsettings", StringComparison.Ordinal) && path.EndsWith(".json", StringComparison.Ordinal):
                    _files.Add(path);
                    return null;
                default:
                    return name;
            }
        }

        // builder.AddServiceDefaults(), builder.AddConfigServer(): a library's extension of the host builder may add configuration.
        if (method.IsExtensionMethod && method.DeclaringSyntaxReferences.Length == 0 && receiverType is not null && HostTypes.Contains(receiverType.Name)
            && method.ContainingAssembly?.Name is { } assembly && !assembly.StartsWith("Microsoft.", StringComparison.Ordinal))
        {
            return $"{name} from {assembly}";
        }

        return null;
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : path + ":" + key;
}
