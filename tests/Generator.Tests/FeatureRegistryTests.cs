using K8sGen.Generator.Kubernetes;

namespace K8sGen.Generator.Tests;

/// <summary>The registry is the one list of features: what it derives must hold, and a wrong order must fail loudly.</summary>
public class FeatureRegistryTests
{
    [Fact]
    public void Every_attribute_of_the_package_is_read_by_exactly_one_feature()
    {
        var attributes = typeof(DeploymentAttribute).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Attribute)) && !t.IsAbstract && t.Namespace == "K8sGen")
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(attributes, FeatureRegistry.ByAttribute.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_features_emit_exactly_the_kinds_of_the_contract()
    {
        Assert.Equal(
            Contract.Kinds.All.Select(k => k.Key).Order(StringComparer.Ordinal),
            FeatureRegistry.Kinds.Select(k => k.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Decorators_run_by_stage_then_registry_order_and_after_what_they_name()
    {
        var order = FeatureRegistry.Decorators.Select(d => d.Name).ToList();

        Assert.Equal("SetContainerImage", order[0]);
        // Every container exists before the secure defaults apply to all of them.
        var lastPod = FeatureRegistry.Decorators.Last(d => d.Stage <= Stage.Pod).Name;
        Assert.True(order.IndexOf("ApplySecureDefaults") > order.IndexOf(lastPod), $"ApplySecureDefaults runs before {lastPod}");
        Assert.All(FeatureRegistry.Decorators, d => Assert.All(d.After, before => Assert.True(order.IndexOf(before) < order.IndexOf(d.Name), $"{d.Name} runs before {before}")));
        Assert.Equal(FeatureRegistry.Decorators.Select(d => d.Apply), ManifestBuilder.Decorators);
    }

    [Fact]
    public void A_decorator_declared_to_run_after_a_later_one_fails()
    {
        var early = new TestFeature("Early", new Decorator("First", Stage.Objects, _ => { }, "Second"));
        var late = new TestFeature("Late", new Decorator("Second", Stage.Objects, _ => { }));

        var exception = Assert.Throws<InvalidOperationException>(() => FeatureRegistry.Order([early, late]));

        Assert.Equal("decorator First must run after Second, but its stage or feature comes first", exception.Message);
    }

    [Fact]
    public void A_decorator_that_names_an_unknown_one_fails()
    {
        var feature = new TestFeature("Only", new Decorator("First", Stage.Pod, _ => { }, "Nobody"));

        var exception = Assert.Throws<InvalidOperationException>(() => FeatureRegistry.Order([feature]));

        Assert.Equal("decorator First runs after Nobody, which no feature has", exception.Message);
    }

    [Fact]
    public void A_later_stage_may_name_an_earlier_one_in_any_feature_order()
    {
        var pod = new TestFeature("Pod", new Decorator("InPod", Stage.Pod, _ => { }, "InObjects"));
        var objects = new TestFeature("Objects", new Decorator("InObjects", Stage.Objects, _ => { }));

        Assert.Equal(["InObjects", "InPod"], FeatureRegistry.Order([pod, objects]).Select(d => d.Name));
    }

    private sealed class TestFeature(string name, params Decorator[] decorators) : Feature
    {
        public override string Name => name;

        public override IReadOnlyList<Decorator> Decorators => decorators;
    }
}
