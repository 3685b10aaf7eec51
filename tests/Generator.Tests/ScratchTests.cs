using K8sGen.Generator.Model;

namespace K8sGen.Generator.Tests;

/// <summary>The reused sets, maps and builders: each starts empty, and ones held at once are distinct collections.</summary>
public sealed class ScratchTests
{
    [Fact]
    public void A_set_comes_back_empty_and_two_held_at_once_are_two_sets()
    {
        HashSet<string> first;
        using (var names = Scratch.Set<string>())
        {
            Assert.True(names.Add("http"));
            Assert.False(names.Add("http"));
            first = names.Items;
        }

        using var again = Scratch.Set<string>();
        using var other = Scratch.Set<string>();
        Assert.Same(first, again.Items); // reused, not allocated again
        Assert.Empty(again.Items);
        Assert.NotSame(again.Items, other.Items);
        Assert.True(again.Add("http"));
        Assert.True(other.Add("http"));
    }

    [Fact]
    public void A_map_comes_back_empty_and_a_large_one_is_not_kept()
    {
        Dictionary<int, string> large;
        using (var ports = Scratch.Map<int, string>())
        {
            for (var i = 0; i < 1000; i++)
            {
                ports.Items[i] = "p";
            }

            large = ports.Items;
        }

        using var next = Scratch.Map<int, string>();
        Assert.NotSame(large, next.Items);
        Assert.Empty(next.Items);
    }

    [Fact]
    public void A_builder_gives_its_items_and_comes_back_empty()
    {
        var builder = Scratch.Builder<string>();
        builder.Add("a");
        builder.Add("b");
        var held = Scratch.Builder<string>();

        Assert.Equal(new[] { "a", "b" }, Scratch.ToImmutableAndFree(builder).ToArray());
        Assert.NotSame(builder, held);
        var again = Scratch.Builder<string>();
        Assert.Same(builder, again);
        Assert.Empty(again);
        Scratch.ToImmutableAndFree(held);
        Scratch.ToImmutableAndFree(again);
    }
}
