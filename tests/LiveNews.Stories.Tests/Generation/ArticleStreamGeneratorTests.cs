using System.Text.Json.Nodes;
using LiveNews.Stories.Engine;
using LiveNews.Tests.Shared;

namespace LiveNews.Stories.Tests.Generation;

/// <summary>The generated streams the performance figures are measured on: reproducible, of the asked size and mix, and stories the engine can tell apart.</summary>
public class ArticleStreamGeneratorTests
{
    [Fact]
    public void Generate_SameSeedSameStream_OtherSeedOtherStream()
    {
        var first = new ArticleStreamGenerator(seed: 3).Generate(300, 50).Select(a => a.ToJsonLine()).ToList();
        var again = new ArticleStreamGenerator(seed: 3).Generate(300, 50).Select(a => a.ToJsonLine()).ToList();
        var other = new ArticleStreamGenerator(seed: 4).Generate(300, 50).Select(a => a.ToJsonLine()).ToList();
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Generate_GivesTheVersionsAndStoriesAsked_WithTheMixOfALiveStream()
    {
        var stream = new ArticleStreamGenerator(seed: 11).Generate(2000, 300).ToList();
        Assert.Equal(2000, stream.Count);
        Assert.Equal(300, stream.Select(a => a.Story).Distinct().Count());

        Assert.Contains(stream, a => a.SecondStory is not null);                                       // pages with a second article
        Assert.Contains(stream, a => ((string?)a.Json["text"])?.Length == 0);                           // headline-only items
        Assert.Contains(stream.GroupBy(a => a.Id), g => g.Count() > 1);                                 // updates of an article
        Assert.Contains(stream.GroupBy(a => a.Story), g => g.Select(a => (string)a.Json["source"]!).Distinct().Count() > 2); // several outlets
        Assert.All(stream, a => Assert.True(DateTimeOffset.TryParse((string?)a.Json["published"], System.Globalization.CultureInfo.InvariantCulture, out _)));

        // Times only move forward.
        var times = stream.Select(a => DateTimeOffset.Parse((string)a.Json["published"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.Order(), times);
    }

    [Fact]
    public void Generate_StoriesTheEngineTellsApart()
    {
        var stream = new ArticleStreamGenerator(seed: 5).Generate(600, 120).ToList();
        var engine = new StoryEngine();
        var storyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var article in stream)
        {
            var input = CorpusReader.ReadLine(article.ToJsonLine());
            foreach (var evt in engine.Process(input).Where(e => !e.IsMerge && e.ArticleId == article.Id))
            {
                storyOf[article.Id] = evt.StoryId;
            }
        }

        // Pairs of articles of one generated story mostly share a story, and pairs of different ones mostly do not.
        var articles = stream.DistinctBy(a => a.Id).ToList();
        int same = 0, sameRight = 0, different = 0, differentRight = 0;
        for (var i = 0; i < articles.Count; i += 3)
        {
            for (var j = i + 1; j < articles.Count; j += 7)
            {
                var together = engine.Resolve(storyOf[articles[i].Id]) == engine.Resolve(storyOf[articles[j].Id]);
                if (articles[i].Story == articles[j].Story)
                {
                    same++;
                    sameRight += together ? 1 : 0;
                }
                else
                {
                    different++;
                    differentRight += together ? 0 : 1;
                }
            }
        }

        Assert.True(sameRight >= same * 0.7, $"{sameRight} of {same} same-story pairs together");
        Assert.True(differentRight >= different * 0.99, $"{differentRight} of {different} different-story pairs apart");
    }
}
