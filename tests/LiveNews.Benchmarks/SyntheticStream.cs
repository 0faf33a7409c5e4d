using LiveNews.Stories.Analysis;
using LiveNews.Stories.Tests;
using LiveNews.Text.Sentences;

namespace LiveNews.Benchmarks;

/// <summary>
/// A reproducible stream of realistic article versions built from the public corpora: each new story
/// takes a real article's headline and lead and mixes in sentences of others, so vocabulary and
/// lengths are real while stories stay distinct. Seeded: the same seed gives the same stream.
/// </summary>
public sealed class SyntheticStream
{
    private readonly List<ArticleInput> _pool;
    private readonly List<string> _sentences;
    private readonly Random _random;
    private long _next;

    public SyntheticStream(int seed)
    {
        _random = new Random(seed);
        var root = LiveNews.Tests.Shared.Fixtures.Path("corpus", "stories-dev");
        _pool = [.. CorpusReader.Read(Path.Combine(root, "wikinews-dev.jsonl")), .. CorpusReader.Read(Path.Combine(root, "ecbplus-dev.jsonl"))];
        _pool.RemoveAll(a => string.IsNullOrWhiteSpace(a.Text));
        _sentences = _pool.SelectMany(a => SentenceSplitter.Split(a.Text!)).Where(s => s.Length > 40).ToList();
        var words = _sentences.SelectMany(s => s.Split(' ')).Where(w => w.Length > 4 && w.All(char.IsLetter)).ToList();
        _words = words.Where(w => char.IsLower(w[0])).Distinct(StringComparer.Ordinal).ToList();
        _names = words.Where(w => char.IsUpper(w[0]) && w.Skip(1).All(char.IsLower)).Distinct(StringComparer.Ordinal).ToList();
    }

    private readonly List<string> _words;
    private readonly List<string> _names;

    /// <summary>
    /// The next article of a new story: real sentences of several articles, carrying the story's own
    /// people, places and words (drawn from the corpus vocabulary), as distinct stories do.
    /// </summary>
    public ArticleInput NextNewStory(DateTimeOffset published)
    {
        var source = _pool[_random.Next(_pool.Count)].Source;
        var who = $"{Pick(_names)} {Pick(_names)}";
        var where = Pick(_names);
        var what = Enumerable.Range(0, 6).Select(_ => Pick(_words)).ToList();
        var sentences = Enumerable.Range(0, 8)
            .Select(i => $"{who} {what[i % what.Count]} {what[(i + 1) % what.Count]} in {where}: {Vary(_sentences[_random.Next(_sentences.Count)])}")
            .ToList();
        var title = $"{who} {what[0]} {what[1]} in {where}";
        var id = "syn-" + _next++;
        return new ArticleInput
        {
            Id = id,
            Source = source,
            Url = "https://example.invalid/" + id,
            Title = title,
            Published = published,
            Text = string.Join("\n\n", sentences),
        };
    }

    private string Pick(List<string> list) => list[_random.Next(list.Count)];

    /// <summary>A corpus sentence with half its longer words swapped for others: real shape, new content.</summary>
    private string Vary(string sentence) =>
        string.Join(' ', sentence.Split(' ').Select(w => w.Length > 4 && w.All(char.IsLower) && _random.Next(2) == 0 ? Pick(_words) : w));

    /// <summary>Another version of an article: one sentence more (a story gaining a fact).</summary>
    public ArticleInput NextVersion(ArticleInput article, DateTimeOffset published) =>
        article with { Published = published, Text = article.Text + "\n\n" + _sentences[_random.Next(_sentences.Count)] };

    /// <summary>
    /// Fills <paramref name="engine"/> with new stories until it holds <paramref name="liveStories"/>, then
    /// returns the measured stream that follows: new stories and new versions of recent ones, as a live
    /// feed mixes them (one version of a recent story for two new stories).
    /// </summary>
    public List<ArticleInput> FillThenMix(LiveNews.Stories.Engine.StoryEngine engine, int liveStories, int versions, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var i = 0;
        while (engine.StoryCount < liveStories)
        {
            engine.Process(NextNewStory(start.AddSeconds(i++)));
        }

        var recent = new List<ArticleInput>();
        var articles = new List<ArticleInput>(versions);
        for (var k = 0; k < versions; k++)
        {
            var at = start.AddSeconds(i + k);
            if (recent.Count > 0 && k % 3 == 0)
            {
                articles.Add(NextVersion(recent[k % recent.Count], at));
            }
            else
            {
                var article = NextNewStory(at);
                recent.Add(article);
                articles.Add(article);
            }
        }

        return articles;
    }
}
