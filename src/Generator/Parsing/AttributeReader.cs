using System.Collections.Immutable;
using K8sGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace K8sGen.Generator.Parsing;

/// <summary>
/// Reads one attribute's arguments together with where each was written, so a diagnostic can point
/// at the argument itself. Arguments in error (already a compiler error) read as "not given".
/// </summary>
internal readonly struct AttributeReader
{
    private readonly AttributeData _data;
    private readonly AttributeSyntax? _syntax;

    public AttributeReader(AttributeData data, LocationInfo fallback)
    {
        _data = data;
        _syntax = data.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax;
        Location = _syntax is null ? fallback : LocationInfo.From(_syntax);
    }

    /// <summary>The whole attribute: where settings that were not written (defaults) are reported.</summary>
    public LocationInfo Location { get; }

    public Setting<T?> Positional<T>(int index, string parameterName)
    {
        var arguments = _data.ConstructorArguments;
        if (_data.AttributeConstructor is null || index >= arguments.Length || arguments[index].Kind == TypedConstantKind.Error)
        {
            return new Setting<T?>(default, Location, IsExplicit: false);
        }

        return new Setting<T?>(Convert<T>(arguments[index]), PositionalLocation(index, parameterName), IsExplicit: true);
    }

    public Setting<T> Named<T>(string name, T defaultValue)
    {
        foreach (var argument in _data.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Kind != TypedConstantKind.Error)
            {
                var value = Convert<T>(argument.Value);
                return new Setting<T>(value is null && defaultValue is not null ? defaultValue : value!, NamedLocation(name), IsExplicit: true);
            }
        }

        return new Setting<T>(defaultValue, Location, IsExplicit: false);
    }

    /// <summary>A constructor's array argument (a <c>params</c> list); empty when not written.</summary>
    public Setting<EquatableArray<T>> PositionalArray<T>(int index, string parameterName)
        where T : System.IEquatable<T>
    {
        var arguments = _data.ConstructorArguments;
        if (_data.AttributeConstructor is null || index >= arguments.Length || arguments[index].Kind != TypedConstantKind.Array || arguments[index].IsNull)
        {
            return new Setting<EquatableArray<T>>(EquatableArray<T>.Empty, Location, IsExplicit: false);
        }

        var items = ImmutableArray.CreateBuilder<T>(arguments[index].Values.Length);
        foreach (var value in arguments[index].Values)
        {
            if (value.Value is T item)
            {
                items.Add(item);
            }
        }

        return new Setting<EquatableArray<T>>(items.ToImmutable().ToEquatableArray(), PositionalLocation(index, parameterName), IsExplicit: true);
    }

    /// <summary>An array argument (<c>Ports = new[] { 9901 }</c>); empty when not written.</summary>
    public Setting<EquatableArray<T>> NamedArray<T>(string name)
        where T : System.IEquatable<T>
    {
        foreach (var argument in _data.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Kind == TypedConstantKind.Array && !argument.Value.IsNull)
            {
                var items = ImmutableArray.CreateBuilder<T>(argument.Value.Values.Length);
                foreach (var value in argument.Value.Values)
                {
                    if (value.Value is T item)
                    {
                        items.Add(item);
                    }
                }

                return new Setting<EquatableArray<T>>(items.ToImmutable().ToEquatableArray(), NamedLocation(name), IsExplicit: true);
            }
        }

        return new Setting<EquatableArray<T>>(EquatableArray<T>.Empty, Location, IsExplicit: false);
    }

    /// <summary>Every string argument with a character that cannot reach the cluster unchanged (see <see cref="YamlScalars.Unwritable"/>).</summary>
    /// <remarks>Runs on every parse, so it allocates nothing unless it finds a problem.</remarks>
    public void CheckText(ref ImmutableArray<TextProblem>.Builder? problems)
    {
        var parameters = _data.AttributeConstructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
        for (var i = 0; i < _data.ConstructorArguments.Length && i < parameters.Length; i++)
        {
            if (Unwritable(_data.ConstructorArguments[i]) is { } problem)
            {
                Add(ref problems, PositionalLocation(i, parameters[i].Name), parameters[i].Name, problem);
            }
        }

        foreach (var argument in _data.NamedArguments)
        {
            if (Unwritable(argument.Value) is { } problem)
            {
                Add(ref problems, NamedLocation(argument.Key), argument.Key, problem);
            }
        }
    }

    private void Add(ref ImmutableArray<TextProblem>.Builder? problems, LocationInfo location, string argument, (string Character, string Reason) problem)
    {
        var attribute = _data.AttributeClass?.Name ?? string.Empty;
        attribute = attribute.EndsWith("Attribute", System.StringComparison.Ordinal) ? attribute.Substring(0, attribute.Length - "Attribute".Length) : attribute;
        (problems ??= ImmutableArray.CreateBuilder<TextProblem>()).Add(new TextProblem(location, attribute, argument, problem.Character, problem.Reason));
    }

    /// <summary>The first unwritable character of a string argument, or of any string of an array argument.</summary>
    private static (string Character, string Reason)? Unwritable(TypedConstant constant)
    {
        if (constant.Kind == TypedConstantKind.Array && !constant.IsNull)
        {
            foreach (var item in constant.Values)
            {
                if (Unwritable(item) is { } problem)
                {
                    return problem;
                }
            }
        }
        else if (constant.Kind == TypedConstantKind.Primitive && constant.Value is string text)
        {
            return YamlScalars.Unwritable(text);
        }

        return null;
    }

    /// <summary>An optional number: null when not written, so Kubernetes' own default applies.</summary>
    public Setting<int?> OptionalInt(string name)
    {
        var setting = Named<int>(name, 0);
        return new Setting<int?>(setting.IsExplicit ? setting.Value : null, setting.Location, setting.IsExplicit);
    }

    private static T? Convert<T>(TypedConstant constant) =>
        constant.Value is T value ? value : default;

    private LocationInfo PositionalLocation(int index, string parameterName)
    {
        if (_syntax?.ArgumentList is not { } list)
        {
            return Location;
        }

        var position = 0;
        foreach (var argument in list.Arguments)
        {
            if (argument.NameEquals is not null)
            {
                continue;
            }

            if (argument.NameColon is { } colon ? colon.Name.Identifier.ValueText == parameterName : position == index)
            {
                return LocationInfo.From(argument.Expression);
            }

            position++;
        }

        return Location;
    }

    private LocationInfo NamedLocation(string name)
    {
        if (_syntax?.ArgumentList is { } list)
        {
            foreach (var argument in list.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == name)
                {
                    return LocationInfo.From(argument.Expression);
                }
            }
        }

        return Location;
    }
}
