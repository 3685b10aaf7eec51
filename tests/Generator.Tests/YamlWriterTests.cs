using System.Text.RegularExpressions;
using k8s.Models;
using K8sGen.Generator.Emit;
using K8sGen.Generator.Kubernetes;
using K8sGen.Generator.Tests.Infrastructure;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace K8sGen.Generator.Tests;

/// <summary>
/// Every string a user can type must read back exactly, and no plain scalar may be one that a YAML 1.1
/// or 1.2 reader (such as the API server's) resolves to a number, boolean, null or timestamp.
/// </summary>
public class YamlWriterTests
{
    private static readonly string[] CorpusValues =
    [
        "yes", "no", "on", "off", "y", "n", "Y", "NO", "On", "true", "False", "null", "Null", "~", "",
        "0123", "1e3", "0x1F", "+1", "-1", "1_000", ".inf", "-.inf", ".NaN", "0o17", "0b101", "1.5", "1:20", "190:20:30",
        "2001-12-14", "2001-12-14t21:59:43.10-05:00", "12:30:00", "=", "<<",
        ": ", "a: b", "a:b", "#", "a #b", "a#b", " lead", "trail ", "  ", "-", "- x", "? x", "?", ",", "[a]", "{a}", "]", "}",
        "\"quoted\"", "'single'", "back\\slash", "new\nline", "\n", "tab\there", "cr\rhere", "\r\n", "nul\0x", "bell\a",
        "\u0085", "\u00a0", "\u2028", "\u2029", "\ufeff", "\u001b[0m", "\u007f", "\u0080",
        "ümlaut", "日本語", "emoji 😀", "İstanbul", "@at", "`tick", "%pct", "!tag", "&anchor", "*alias", "|", ">", "...", "---",
        "/v1/users", "api.shop.example", "K8sGen", "RuntimeDefault", "prometheus.io/scrape", "a/b:c", "100m", "25%",
    ];

    public static TheoryData<string> Corpus => [.. CorpusValues];

    /// <summary>What a workload may hold: the corpus less what cannot reach the cluster unchanged (KSG1090).</summary>
    public static TheoryData<string> WritableCorpus => [.. CorpusValues.Where(v => YamlScalars.Unwritable(v) is null)];

    public static TheoryData<string> UnwritableCorpus => [.. CorpusValues.Where(v => YamlScalars.Unwritable(v) is not null)];

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Corpus_round_trips_and_is_never_misread(string value) => AssertRoundTrip(value);

    [Fact]
    public void Random_strings_round_trip_and_are_never_misread()
    {
        // Property-style: a fixed seed keeps failures reproducible.
        const string alphabet = "aAzZ09_-./:# '\"\\\t\n\r\0%@!&*|>?[]{},~+=eExXoObB.ü😀\u2028\u0085";
        var random = new Random(20261127);
        for (var i = 0; i < 3000; i++)
        {
            var chars = new char[random.Next(0, 12)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var value = new string(chars);
            if (!char.IsSurrogate(value.LastOrDefault()) && !(value.Length > 0 && char.IsLowSurrogate(value[0])))
            {
                AssertRoundTrip(value);
            }
        }
    }

    // The whole corpus, "<<" included: the build task's parser (StrictYaml) reads it as the API server
    // does, where KubernetesClient's MergingParser took it for a merge key.
    [Theory]
    [MemberData(nameof(WritableCorpus))]
    public void Env_values_survive_the_whole_pipeline(string value)
    {
        var literal = Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);
        var run = GeneratorHarness.Run($$"""
            using K8sGen;
            [Deployment] [Env("VALUE", {{literal}})] [Annotation("note", {{literal}})] public class A { }
            """);

        var deployment = Assert.IsType<V1Deployment>(KubernetesParsing.LoadStrict(run.SingleManifest())[0]);
        Assert.Equal(value, deployment.Spec.Template.Spec.Containers[0].Env[0].Value ?? string.Empty);
        Assert.Equal(value, deployment.Metadata.Annotations["note"]);
    }

    // U+0085, U+2028, U+2029 (kustomize writes them as line breaks), U+007F and U+0080 (kustomize refuses them).
    [Theory]
    [MemberData(nameof(UnwritableCorpus))]
    public void Values_kustomize_cannot_write_unchanged_are_KSG1090(string value)
    {
        var literal = Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);
        var run = GeneratorHarness.Run($"using K8sGen;\n[Deployment] [Env(\"VALUE\", {literal})] public class A {{ }}");

        Assert.Equal(["KSG1090"], run.K8sGenDiagnostics.Select(d => d.Id));
        Assert.Null(run.All);
    }

    [Fact]
    public void The_unwritable_part_of_the_corpus_is_what_kustomize_was_measured_to_refuse_or_change()
    {
        Assert.Equal(["\u0085", "\u2028", "\u2029", "\u007f", "\u0080"], CorpusValues.Where(v => YamlScalars.Unwritable(v) is not null));
    }

    [Fact]
    public void A_null_value_fails_instead_of_printing_broken_yaml()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Write([new YamlMap().Add("key", (string)null!).Add("next", "x")]));
        Assert.Equal("a YAML value is null", exception.Message);
    }

    [Fact]
    public void Writes_kubectl_block_style()
    {
        var root = new YamlMap().Add("kind", "Thing").Add("count", 3).Add("enabled", true).Add("empty", new YamlMap());
        root.Sequence("items").Add("one").AddMap().Add("name", "x").Add("port", 80);
        root.Add("none", new YamlSequence());

        var yaml = Write([root, new YamlMap().Add("kind", "Other")]);

        Assert.Equal("kind: Thing\ncount: 3\nenabled: true\nempty: {}\nitems:\n- one\n- name: x\n  port: 80\nnone: []\n---\nkind: Other\n", yaml);
    }

    private static void AssertRoundTrip(string value)
    {
        var yaml = Write([new YamlMap().Add("key", value).Add(value.Length == 0 ? "empty" : value, "as-key")]);
        var scalars = ReadScalars(yaml);

        Assert.Equal(["key", value, value.Length == 0 ? "empty" : value, "as-key"], scalars.Select(s => s.Value));
        foreach (var scalar in scalars.Where(s => s.Style == ScalarStyle.Plain))
        {
            Assert.False(IsNonStringIn11Or12(scalar.Value), $"'{scalar.Value}' was written plain but YAML would not read it as a string:\n{yaml}");
        }
    }

    private static List<Scalar> ReadScalars(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var scalars = new List<Scalar>();
        while (parser.MoveNext())
        {
            if (parser.Current is Scalar scalar)
            {
                scalars.Add(scalar);
            }
        }

        return scalars;
    }

    // The implicit resolvers of YAML 1.1 (yaml.org/type, as go-yaml v2 applies them) and the 1.2 core schema: an independent oracle.
    private static readonly Regex[] NonStringPatterns =
    [
        new(@"^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"),
        new(@"^(~|null|Null|NULL|)$"),
        new(@"^[-+]?(0b[0-1_]+|0[0-7_]+|(0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|[1-9][0-9_]*(:[0-5]?[0-9])+|0o[0-7]+|[0-9]+)$"),
        new(@"^[-+]?(([0-9][0-9_]*)?\.[0-9.]*([eE][-+][0-9]+)?|[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*|\.(inf|Inf|INF))$"),
        new(@"^\.(nan|NaN|NAN)$"),
        new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$"),
        new(@"^[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?([Tt]|[ \t]+)?"),
        new(@"^(<<|=)$"),
    ];

    private static bool IsNonStringIn11Or12(string plain) => NonStringPatterns.Any(p => p.IsMatch(plain));

    /// <summary>Plain YAML from the writer the generator uses, which doubles every '"' for a C# verbatim string.</summary>
    private static string Write(IReadOnlyList<YamlMap> documents) =>
        YamlWriter.WriteVerbatim(new System.Text.StringBuilder(), documents).ToString().Replace("\"\"", "\"");
}
