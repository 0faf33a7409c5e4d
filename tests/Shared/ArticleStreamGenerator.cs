using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiveNews.Tests.Shared;

/// <summary>
/// Generates realistic article streams of any size from the public corpora, reproducibly by seed: many
/// stories, each told by several outlets and rewritten as it gains facts, headline-only items, and pages
/// that carry a second, unrelated article. Sentences are real corpus sentences with some of their words
/// swapped, each story carrying its own people, place and words, so vocabulary and lengths are real while
/// stories stay distinct. Every line is article JSONL (the replay contract); each comes with the story it
/// belongs to, so clustering can be scored on generated streams too.
/// </summary>
internal sealed class ArticleStreamGenerator
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 6, 0, 0, TimeSpan.Zero);
    private static readonly string[] Outlets = ["wire", "herald", "gazette", "courier", "tribune", "observer", "chronicle", "post", "times", "daily"];

    private readonly Random _random;
    private readonly List<string> _sentences;
    private readonly List<string> _words;
    private readonly List<string> _names;
    private readonly List<GeneratedStory> _stories = [];
    private DateTimeOffset _clock = Start;

    public ArticleStreamGenerator(int seed)
    {
        _random = new Random(seed);
        var root = Fixtures.Path("corpus", "stories-dev");
        var texts = new[] { "wikinews-dev.jsonl", "ecbplus-dev.jsonl" }
            .SelectMany(name => File.ReadLines(Path.Combine(root, name)))
            .Where(line => line.Length > 0)
            .Select(line => (string?)JsonNode.Parse(line)!["text"] ?? "");
        _sentences = texts.SelectMany(t => t.Split(['\n', '.'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(s => s.Length is > 40 and < 300 && !s.Contains("http", StringComparison.Ordinal))
            .Select(s => s + ".")
            .ToList();
        var words = _sentences.SelectMany(s => s.Split(' ')).Where(w => w.Length > 4 && w.All(char.IsLetter)).ToList();
        _words = words.Where(w => char.IsLower(w[0])).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        _names = words.Where(w => char.IsUpper(w[0]) && w.Skip(1).All(char.IsLower)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// <paramref name="versions"/> article versions telling <paramref name="stories"/> stories (opened
    /// along the way, the newest most active): new stories, other outlets' versions, updates of an article
    /// (same id, a new fact), headline-only items and two-article pages.
    /// </summary>
    public IEnumerable<GeneratedArticle> Generate(int versions, int stories)
    {
        var opening = Math.Max(1, stories) / (double)Math.Max(1, versions);
        for (var n = 0; n < versions; n++)
        {
            _clock += TimeSpan.FromSeconds(_random.Next(1, 20));
            if (_stories.Count == 0 || (_stories.Count < stories && _random.NextDouble() < opening * 1.2) || versions - n <= stories - _stories.Count)
            {
                yield return Open();
                continue;
            }

            var story = Recent();
            var roll = _random.NextDouble();
            if (roll < 0.35 && story.Articles.Count > 0)
            {
                yield return Update(story);
            }
            else if (roll < 0.45)
            {
                yield return HeadlineOnly(story);
            }
            else if (roll < 0.50 && _stories.Count > 1)
            {
                yield return Page(story, Recent(except: story));
            }
            else
            {
                yield return Rewrite(story);
            }
        }
    }

    private GeneratedArticle Open()
    {
        var story = new GeneratedStory(
            "g" + _stories.Count.ToString(CultureInfo.InvariantCulture),
            $"{Pick(_names)} {Pick(_names)}",
            Pick(_names),
            [.. Enumerable.Range(0, 6).Select(_ => Pick(_words))]);
        for (var i = 0; i < 6; i++)
        {
            story.Facts.Add(Fact(story));
        }

        _stories.Add(story);
        return Rewrite(story);
    }

    /// <summary>Another outlet's article on the story: its facts so far in its own words and order.</summary>
    private GeneratedArticle Rewrite(GeneratedStory story)
    {
        var outlet = Outlets[_random.Next(Outlets.Length)];
        var id = $"{outlet}-{story.Id}-{story.Articles.Count}";
        var facts = story.Facts.OrderBy(_ => _random.Next()).Take(Math.Min(story.Facts.Count, 4 + _random.Next(4))).Select(Vary).ToList();
        var article = new GeneratedArticleState(id, outlet, facts);
        story.Articles.Add(article);
        return Emit(article, story, Headline(story), facts);
    }

    /// <summary>A new version of an article already out: the story gained a fact, and the article tells it first.</summary>
    private GeneratedArticle Update(GeneratedStory story)
    {
        var article = story.Articles[_random.Next(story.Articles.Count)];
        var fact = Fact(story);
        story.Facts.Add(fact);
        article.Facts.Insert(0, fact);
        article.Version++;
        return Emit(article, story, Headline(story), article.Facts);
    }

    /// <summary>A feed entry with a headline and nothing else.</summary>
    private GeneratedArticle HeadlineOnly(GeneratedStory story)
    {
        var outlet = Outlets[_random.Next(Outlets.Length)];
        var article = new GeneratedArticleState($"{outlet}-{story.Id}-h{story.Articles.Count}", outlet, []);
        story.Articles.Add(article);
        return Emit(article, story, Headline(story) + " " + Pick(_words), []);
    }

    /// <summary>A page that carries the story and, after it, a second, unrelated article under its own headline.</summary>
    private GeneratedArticle Page(GeneratedStory story, GeneratedStory other)
    {
        var main = Rewrite(story);
        var second = other.Facts.Take(4).Select(Vary).ToList();
        var headline = string.Join(' ', Headline(other).Split(' ').Select(w => w.Length > 3 ? char.ToUpperInvariant(w[0]) + w[1..] : w));
        var text = (string)main.Json["text"]! + "\n\n" + headline + "\n\n" + string.Join("\n\n", second);
        main.Json["text"] = text;
        return main with { SecondStory = other.Id };
    }

    private GeneratedArticle Emit(GeneratedArticleState article, GeneratedStory story, string title, IEnumerable<string> facts)
    {
        var json = new JsonObject
        {
            ["id"] = article.Id,
            ["source"] = article.Outlet,
            ["url"] = $"https://{article.Outlet}.example/{article.Id}",
            ["title"] = title,
            ["published"] = _clock.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["text"] = string.Join("\n\n", facts),
        };
        return new GeneratedArticle(article.Id, story.Id, json);
    }

    private string Headline(GeneratedStory story) => $"{story.Who} {story.What[0]} {story.What[1]} in {story.Where}";

    private string Fact(GeneratedStory story)
    {
        var i = _random.Next(story.What.Length);
        return $"{story.Who} {story.What[i]} {story.What[(i + 1) % story.What.Length]} in {story.Where}: {Vary(_sentences[_random.Next(_sentences.Count)])}";
    }

    /// <summary>The newest stories are the most active (a story is told mostly while it is fresh).</summary>
    private GeneratedStory Recent(GeneratedStory? except = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var back = (int)Math.Min(_stories.Count - 1, Math.Floor(-Math.Log(1 - _random.NextDouble()) * Math.Max(1, _stories.Count / 8.0)));
            var story = _stories[_stories.Count - 1 - back];
            if (story != except || attempt > 8)
            {
                return story;
            }
        }
    }

    private string Pick(List<string> list) => list[_random.Next(list.Count)];

    /// <summary>
    /// A sentence with half its longer words and names swapped: real shape and lengths, new content (one
    /// corpus sentence serves many stories, and real stories do not share their sentences).
    /// </summary>
    private string Vary(string sentence) =>
        string.Join(' ', sentence.Split(' ').Select(w =>
            w.Length > 3 && w.All(char.IsLower) && _random.Next(2) == 0 ? Pick(_words)
            : w.Length > 3 && char.IsUpper(w[0]) && w.Skip(1).All(char.IsLower) && _random.Next(2) == 0 ? Pick(_names)
            : w));

    private sealed record GeneratedStory(string Id, string Who, string Where, string[] What)
    {
        public List<string> Facts { get; } = [];

        public List<GeneratedArticleState> Articles { get; } = [];
    }

    private sealed class GeneratedArticleState(string id, string outlet, List<string> facts)
    {
        public string Id { get; } = id;

        public string Outlet { get; } = outlet;

        public List<string> Facts { get; } = facts;

        public int Version { get; set; } = 1;
    }
}

/// <summary>One generated article version: its id, the story it tells, the JSON line, and the story of its page's second article.</summary>
internal sealed record GeneratedArticle(string Id, string Story, JsonObject Json)
{
    public string? SecondStory { get; init; }

    public string ToJsonLine() => Json.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
