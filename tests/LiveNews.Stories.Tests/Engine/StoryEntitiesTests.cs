using LiveNews.Stories.Engine;

namespace LiveNews.Stories.Tests.Engine;

public class StoryEntitiesTests
{
    [Fact]
    public void Add_CountsMentions_AndKeepsTheFullestName()
    {
        var entities = new StoryEntities();
        entities.Add("zelensky", 1, "Zelensky", preferLonger: true);
        entities.Add("lavrov", 1, "Lavrov", preferLonger: true);
        entities.Add("zelensky", 1, "Volodymyr Zelensky", preferLonger: true);
        entities.Add("zelensky", 1, "Zelenskyy", preferLonger: true);
        entities.Add("lavrov", 2, "Sergey Viktorovich Lavrov", preferLonger: false);

        Assert.Equal(3, entities.CountOf("zelensky"));
        Assert.Equal(3, entities.CountOf("lavrov"));
        Assert.Equal(0, entities.CountOf("rubio"));
        // Without preferLonger (a merged story's names) a name already known stays.
        Assert.Equal(["Lavrov", "Volodymyr Zelensky"], entities.TopNames(5).Order(StringComparer.Ordinal));
        Assert.Equal(["lavrov", "zelensky"], entities.All().Select(e => e.Key));
    }

    [Fact]
    public void Add_ManyKeysInAnyOrder_StayFindable()
    {
        var entities = new StoryEntities();
        var keys = Enumerable.Range(0, 300).Select(i => $"k{(i * 7919) % 300:D3}").ToList();
        foreach (var key in keys)
        {
            entities.Add(key, 1, key.ToUpperInvariant(), preferLonger: true);
        }

        Assert.Equal(300, entities.Count);
        Assert.All(keys, k => Assert.Equal(1, entities.CountOf(k)));
        Assert.Equal(entities.All().Select(e => e.Key).Order(StringComparer.Ordinal), entities.All().Select(e => e.Key));
    }

    [Fact]
    public void Bound_ForgetsTheLeastNamed()
    {
        var entities = new StoryEntities();
        for (var i = 0; i < 10; i++)
        {
            entities.Add("k" + i, i + 1, "Name " + i, preferLonger: true);
        }

        entities.Bound(8);

        Assert.Equal(6, entities.Count);
        Assert.Equal(0, entities.CountOf("k3"));
        Assert.Equal(5, entities.CountOf("k4"));
        Assert.Equal("Name 9", entities.TopNames(1).Single());
        Assert.Equal(6, entities.NamesForStorage().Count);
    }
}
