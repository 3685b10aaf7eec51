using K8sGen.Generator.Tests.Infrastructure;

namespace K8sGen.Generator.Tests;

/// <summary>Inputs that once broke the generator or produced C# that does not compile.</summary>
public class RobustnessTests
{
    [Fact]
    public void Classes_whose_names_differ_only_in_case_or_symbols_both_generate()
    {
        var run = GeneratorHarness.Run("""
            using K8sGen;
            namespace A { [Deployment(Name = "api-a")] public class Api { } }
            namespace A { [Deployment(Name = "api-b")] public class API { } }
            namespace B { [Deployment(Name = "foo-t")] public class Foo<T> { } }
            namespace B { [Deployment(Name = "foo-plain")] public class Foo_T_ { } }
            """);

        run.AssertClean();
        Assert.NotNull(run.Manifest("ApiA"));
        Assert.NotNull(run.Manifest("ApiB"));
        Assert.NotNull(run.Manifest("FooT"));
        Assert.NotNull(run.Manifest("FooPlain"));
    }

    [Fact]
    public void Workload_names_that_match_generated_members_still_compile()
    {
        var run = GeneratorHarness.Run("""
            using K8sGen;
            [Deployment(Name = "all")] public class A { }
            [Deployment(Name = "by-name")] public class B { }
            [Deployment(Name = "k8s-manifests")] public class C { }
            """);

        run.AssertClean();
        Assert.Contains("name: all", run.Manifest("All_"));
        Assert.Contains("name: by-name", run.Manifest("ByName_"));
        Assert.Contains("name: k8s-manifests", run.Manifest("K8sManifests_"));
    }

    [Fact]
    public void Deployment_on_two_parts_of_a_partial_class_is_only_the_compiler_error()
    {
        var run = GeneratorHarness.Run("""
            using K8sGen;
            [Deployment] public partial class A { }
            [Deployment] public partial class A { }
            """);

        run.AssertNoCrash();
        Assert.Equal(["CS0579"], run.Errors.Select(e => e.Id).Distinct());
        Assert.Null(run.All);
    }

    [Fact]
    public void Whole_numbers_in_rolling_update_settings_are_written_as_numbers()
    {
        var yaml = GeneratorHarness.Run("using K8sGen;\n[Deployment(MaxSurge = \"010\", MaxUnavailable = \"0\")] public class A { }").SingleManifest();

        // "010" would be read as octal 8 by the YAML reader kubectl uses.
        Assert.Contains("      maxSurge: 10\n      maxUnavailable: 0\n", yaml);
    }
}
