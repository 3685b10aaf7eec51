using K8sGen.MSBuild.Manifests;

namespace K8sGen.MSBuild.Tests;

/// <summary>
/// The task's fast YAML path against YamlDotNet (the slow path, which decides whenever the fast one is not sure):
/// on the generator's YAML it must give the same objects and image positions, and on any text it must never
/// accept what YamlDotNet rejects, nor read it differently.
/// </summary>
public class FastYamlTests
{
    public static TheoryData<string> Snapshots()
    {
        var data = new TheoryData<string>();
        foreach (var file in SnapshotFiles())
        {
            data.Add(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(file))!) + "/" + Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void The_generators_yaml_is_read_by_the_fast_path_as_YamlDotNet_reads_it(string snapshot)
    {
        var yaml = File.ReadAllText(SnapshotFiles().Single(f => Path.GetFileName(f) == snapshot.Split('/')[1] && f.Contains("/" + snapshot.Split('/')[0] + "/", StringComparison.Ordinal)));

        Assert.True(FastYaml.TryLoadAll(yaml, out var fast, out var fastImages), "the fast path does not read " + snapshot);
        var slow = StrictYaml.LoadAllWithYamlDotNet(yaml, out var slowImages);
        AssertSame(slow, fast);
        Assert.Equal(slowImages, fastImages);
    }

    /// <summary>Raw line breaks other than '\n', and NUL, inside a quoted value or key: YamlDotNet's to judge (it rejects these).</summary>
    [Theory]
    [InlineData("\r")]
    [InlineData("\u0085")]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    [InlineData("\0")]
    public void Quoted_text_with_a_raw_line_break_or_NUL_is_left_to_YamlDotNet(string character)
    {
        const string Yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  a: \"x{0}y\"\n  \"k{0}\": \"b\"\n";
        Assert.True(FastYaml.TryLoadAll(string.Format(System.Globalization.CultureInfo.InvariantCulture, Yaml, string.Empty), out _, out _), "the fast path reads the text without the character");

        foreach (var yaml in new[] { Yaml.Replace("x{0}y", "x" + character + "y", StringComparison.Ordinal).Replace("k{0}", "k", StringComparison.Ordinal), Yaml.Replace("x{0}y", "x\\ty" + character, StringComparison.Ordinal).Replace("k{0}", "k", StringComparison.Ordinal), Yaml.Replace("x{0}y", "xy", StringComparison.Ordinal).Replace("k{0}", "k" + character, StringComparison.Ordinal) })
        {
            Assert.False(FastYaml.TryLoadAll(yaml, out _, out _));
        }
    }

    /// <summary>
    /// Every snapshot with each line changed in the ways hand edits and bugs change YAML: whatever the fast path
    /// accepts, YamlDotNet accepts too, with the same objects; what YamlDotNet rejects, the fast path leaves to it.
    /// </summary>
    [Fact]
    public void On_changed_yaml_the_fast_path_never_accepts_more_or_reads_differently()
    {
        var cases = 0;
        var accepted = 0;
        foreach (var file in SnapshotFiles())
        {
            var lines = File.ReadAllText(file).Split('\n');
            for (var i = 0; i < lines.Length - 1; i++)
            {
                foreach (var changed in Mutations(lines[i]))
                {
                    var yaml = string.Join('\n', lines.Take(i).Append(changed).Concat(lines.Skip(i + 1)));
                    cases++;
                    if (!FastYaml.TryLoadAll(yaml, out var fast, out var fastImages))
                    {
                        continue;
                    }

                    accepted++;
                    List<object> slow;
                    List<ImageSite> slowImages;
                    try
                    {
                        slow = StrictYaml.LoadAllWithYamlDotNet(yaml, out slowImages);
                    }
                    catch (Exception exception) when (exception is YamlDotNet.Core.YamlException or UnknownKindException)
                    {
                        Assert.Fail($"the fast path accepts what YamlDotNet rejects ({exception.Message}) in {Path.GetFileName(file)}, line {i + 1} changed to '{changed}'");
                        return;
                    }

                    AssertSame(slow, fast);
                    Assert.Equal(slowImages, fastImages);
                }
            }
        }

        // The mutations must reach both outcomes, or the test proves nothing.
        Assert.True(cases > 1000 && accepted > 100 && accepted < cases, $"{cases} cases, {accepted} accepted by the fast path");
    }

    private static IEnumerable<string> Mutations(string line)
    {
        var trimmed = line.TrimStart();
        var indent = line.Length - trimmed.Length;
        var colon = trimmed.IndexOf(": ", StringComparison.Ordinal);
        yield return " " + line; // indented one more
        yield return line + " "; // trailing space
        yield return line + " # comment";
        yield return line + "\n" + line; // duplicated (a duplicate key in a mapping)
        if (indent > 0)
        {
            yield return line[1..]; // indented one less
        }

        if (colon > 0)
        {
            var key = trimmed[..colon];
            var value = trimmed[(colon + 2)..];
            var prefix = line[..indent];
            yield return prefix + key + "x: " + value; // an unknown field
            yield return prefix + key + ":  " + value;
            foreach (var other in new[] { "\"80\"", "80", "-1", "1.5", "0x10", "true", "\"true\"", "yes", "null", "~", "''", "'x'", "\"\"", "{}", "[]", "abc", "\"a\\qb\"", "\"a", "a: b", "&anchor x", "*alias", "!!str x", "|", ">", "99999999999" })
            {
                yield return prefix + key + ": " + other;
            }
        }
        else if (trimmed.StartsWith("- ", StringComparison.Ordinal))
        {
            yield return line.Replace("- ", "-  ", StringComparison.Ordinal);
            yield return line.Replace("- ", "- - ", StringComparison.Ordinal);
        }
    }

    private static void AssertSame(IReadOnlyList<object> expected, IReadOnlyList<object> actual)
    {
        Assert.Equal(expected.Select(o => o.GetType()), actual.Select(o => o.GetType()));
        Assert.Equal(expected.Select(o => k8s.KubernetesJson.Serialize(o)), actual.Select(o => k8s.KubernetesJson.Serialize(o)));
    }

    private static IEnumerable<string> SnapshotFiles()
    {
        var root = Repository();
        return Directory.GetFiles(Path.Combine(root, "tests", "Generator.Tests", "_snapshots"), "*.verified.yaml")
            .Concat(Directory.GetFiles(Path.Combine(root, "samples", "Shop", "Shop.Tests", "_snapshots"), "*.verified.yaml"))
            .Order(StringComparer.Ordinal);
    }

    private static string Repository()
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
