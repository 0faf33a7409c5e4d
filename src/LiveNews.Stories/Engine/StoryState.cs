using System.Runtime.Serialization;
using System.Text.Json.Serialization;
using LiveNews.Stories.Analysis;
using LiveNews.Stories.Facts;

namespace LiveNews.Stories.Engine;

/// <summary>
/// One story: the versions it holds, the facts it knows, its headline and its event sequence. Decides
/// what an incoming version adds (<see cref="Apply"/>). Plain data with behaviour, persisted as JSON by
/// whoever hosts it (a story grain, or the in-process engine).
/// </summary>
public sealed class StoryState : IJsonOnDeserialized
{
    /// <summary>Entities a story keeps (a long-running story forgets its rarest names beyond this).</summary>
    private const int MaxEntities = 400;

    public string Id { get; set; } = "";

    public string Headline { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The sequence number of the story's latest event (gap-free from 1).</summary>
    public long Sequence { get; set; }

    public List<StoryVersion> Versions { get; set; } = [];

    public List<KnownFact> Facts { get; set; } = [];

    public List<string> Sources { get; set; } = [];

    /// <summary>The entities the story named, with how many versions named each and a readable name.</summary>
    [JsonIgnore]
    private readonly StoryEntities _entities = new();

    // What a serialiser reads into Entities and EntityNames, moved into the table once the story is read.
    private Dictionary<string, int>? _storedCounts;
    private Dictionary<string, string>? _storedNames;

    /// <summary>
    /// Entity keys and how many versions named each, in the shape a story is stored in (for serialisers:
    /// built anew on each read; the story keeps a compact table).
    /// </summary>
    public Dictionary<string, int> Entities
    {
        get => _storedCounts ?? _entities.CountsForStorage();
        set => _storedCounts = value;
    }

    /// <summary>A readable name per entity key, in the shape a story is stored in (see <see cref="Entities"/>).</summary>
    public Dictionary<string, string> EntityNames
    {
        get => _storedNames ?? _entities.NamesForStorage();
        set => _storedNames = value;
    }

    /// <summary>Set when this story was folded into another.</summary>
    public string? MergedInto { get; set; }

    /// <summary>Total versions ever taken in (the version list itself is bounded).</summary>
    public int VersionCount { get; set; }

    /// <summary>
    /// Which known facts carry which feature: built when a version comes in, and kept between versions
    /// only by stories with more than <see cref="KeptIndexFacts"/> facts. For the many small stories,
    /// rebuilding it takes microseconds and keeping it cost about 2 KiB each.
    /// </summary>
    [JsonIgnore]
    private FactFeatureIndex? _factIndex;

    private const int KeptIndexFacts = 64;

    /// <summary>True once the story has taken in a version.</summary>
    [JsonIgnore]
    public bool Exists => VersionCount > 0;

    /// <summary>After System.Text.Json read the story (the engine's codec, tests): see <see cref="Loaded"/>.</summary>
    void IJsonOnDeserialized.OnDeserialized() => Loaded();

    /// <summary>
    /// Serialisers that fill the dictionaries a getter returns (the grain storage's) get empty ones to fill.
    /// </summary>
    [OnDeserializing]
    private void OnDeserializing(StreamingContext context) =>
        (_storedCounts, _storedNames) = (new(StringComparer.Ordinal), new(StringComparer.Ordinal));

    [OnDeserialized]
    private void OnDeserialized(StreamingContext context) => Loaded();

    /// <summary>After a story is read: its stored entities into the table, and its strings shared again.</summary>
    private void Loaded()
    {
        foreach (var (key, name) in _storedNames ?? [])
        {
            _entities.Add(key, 0, name, preferLonger: false);
        }

        foreach (var (key, count) in _storedCounts ?? [])
        {
            _entities.Add(key, count, name: null, preferLonger: false);
        }

        (_storedCounts, _storedNames) = (null, null);
        ShareStrings();
    }

    /// <summary>
    /// The facts of one version name the same article, source and address: after a story is read back they
    /// share one string each again, as they did before it was stored.
    /// </summary>
    private void ShareStrings()
    {
        var shared = new Dictionary<string, string>(StringComparer.Ordinal);
        string? Share(string? text) => text is null ? null : shared.TryGetValue(text, out var one) ? one : shared[text] = text;
        foreach (var version in Versions)
        {
            version.ArticleId = Share(version.ArticleId)!;
            version.Source = Share(version.Source)!;
        }

        foreach (var fact in Facts)
        {
            fact.ArticleId = Share(fact.ArticleId)!;
            fact.Source = Share(fact.Source)!;
            fact.Url = Share(fact.Url);
        }

        for (var i = 0; i < Sources.Count; i++)
        {
            Sources[i] = Share(Sources[i])!;
        }
    }

    /// <summary>Takes in one analysed article version and says what it brought.</summary>
    public StoryUpdate Apply(AnalysedArticle article, DateTimeOffset now, StoryEngineOptions options)
    {
        if (Versions.Any(v => v.ArticleId == article.Id && v.ContentHash == article.ContentHash))
        {
            Sequence++;
            return new StoryUpdate(StoryUpdateKind.Duplicate, Sequence, []);
        }

        var created = !Exists;
        if (created)
        {
            CreatedAt = now;
        }

        // Entities first, so the ranking sees this version's mentions as part of the story.
        foreach (var key in article.Entities.Keys)
        {
            _entities.Add(key, 1, article.EntityNames.GetValueOrDefault(key), preferLonger: true);
        }

        _entities.Bound(MaxEntities);

        VersionCount++;
        var newFacts = FindNewFacts(article, now, options);

        Versions.Add(new StoryVersion
        {
            ArticleId = article.Id,
            ContentHash = article.ContentHash,
            Source = article.Source,
            Url = article.Url,
            Title = article.Headline,
            Published = article.Published,
            At = now,
            NewFactCount = created ? 0 : newFacts.Count,
        });
        BoundVersions(options);
        if (!string.IsNullOrEmpty(article.Source) && !Sources.Contains(article.Source, StringComparer.Ordinal))
        {
            Sources.Add(article.Source);
        }

        if (!string.IsNullOrWhiteSpace(article.Headline) && (created || newFacts.Count > 0 || Headline.Length == 0))
        {
            Headline = article.Headline;
        }

        UpdatedAt = now;
        Sequence++;
        var kind = created ? StoryUpdateKind.Created : newFacts.Count > 0 ? StoryUpdateKind.Updated : StoryUpdateKind.Attached;
        return new StoryUpdate(kind, Sequence, newFacts.Take(options.MaxNewFactsPerEvent).ToList());
    }

    /// <summary>
    /// Folds another story into this one (they turned out to be one story): versions, facts it did not
    /// know, sources, entities. The caller reports the merge with <see cref="NextSequence"/>.
    /// </summary>
    public void Absorb(StoryState other, DateTimeOffset now, StoryEngineOptions options)
    {
        Versions.AddRange(other.Versions);
        Versions.Sort((a, b) => a.At.CompareTo(b.At));
        BoundVersions(options);

        var index = FactIndex();
        foreach (var fact in other.Facts)
        {
            var (best, containment) = BestMatch(FactFeatures.ContentOf(fact.Features), index, []);
            if (best is null || containment < options.FactContainment)
            {
                AddFact(fact);
            }
        }

        BoundFacts(options);
        foreach (var source in other.Sources.Where(s => !Sources.Contains(s, StringComparer.Ordinal)))
        {
            Sources.Add(source);
        }

        foreach (var (key, count, name) in other._entities.All())
        {
            _entities.Add(key, count, name, preferLonger: false);
        }

        _entities.Bound(MaxEntities);

        VersionCount += other.VersionCount;
        if (other.CreatedAt < CreatedAt || CreatedAt == default)
        {
            CreatedAt = other.CreatedAt;
        }

        UpdatedAt = now;
        other.MergedInto = Id;
    }

    /// <summary>The names of the entities most versions named, most named first.</summary>
    public IEnumerable<string> TopEntityNames(int count) => _entities.TopNames(count);

    /// <summary>Keeps the most recent versions only.</summary>
    private void BoundVersions(StoryEngineOptions options)
    {
        if (Versions.Count > options.MaxVersionsPerStory)
        {
            Versions.RemoveRange(0, Versions.Count - options.MaxVersionsPerStory);
        }
    }

    /// <summary>Forgets the oldest facts beyond the limit (their index positions shift, so the index is rebuilt).</summary>
    private void BoundFacts(StoryEngineOptions options)
    {
        if (Facts.Count > options.MaxFactsPerStory)
        {
            Facts.RemoveRange(0, Facts.Count - options.MaxFactsPerStory);
            _factIndex = null;
        }
    }

    /// <summary>Takes the next event sequence number (for an event that is not about an article, such as a merge).</summary>
    public long NextSequence() => ++Sequence;

    private List<RankedFact> FindNewFacts(AnalysedArticle article, DateTimeOffset now, StoryEngineOptions options)
    {
        var index = VersionFactIndex();
        var found = new List<(SentenceUnit Sentence, double Score)>();
        var added = new List<KnownFact>();
        var content = ContentScratch ??= new int[64];
        Func<string, double>? entityShare = null;
        foreach (var sentence in article.Sentences)
        {
            var length = sentence.Stems.Length + sentence.Entities.Length;
            if (length < options.MinFactWords)
            {
                continue;
            }

            if (content.Length < length)
            {
                content = ContentScratch = new int[Math.Max(length, 2 * content.Length)];
            }

            FactFeatures.Content(sentence, content);
            var (best, containment) = BestMatch(content.AsSpan(0, length), index, added);
            var isNew = best is null || containment < options.FactContainment
                || FactFingerprint.ChangesNumber(sentence, best) || FactFingerprint.ChangesQuote(sentence, best);
            if (!isNew)
            {
                if (best is not null && !string.Equals(best.Source, article.Source, StringComparison.Ordinal))
                {
                    best.SourceCount++;
                }

                continue;
            }

            var fact = new KnownFact
            {
                Text = sentence.Text,
                Features = FactFeatures.Of(content.AsSpan(0, length), sentence.Numbers),
                QuoteKey = sentence.Quote is null ? null : FactFeatures.Quote(sentence.Quote),
                Source = article.Source,
                Url = article.Url,
                ArticleId = article.Id,
                At = now,
            };
            added.Add(fact);
            var novelty = best is null ? 1.0 : 1.0 - containment;
            found.Add((sentence, FactRanker.Score(sentence, entityShare ??= EntityShare, novelty, article.Published)));
        }

        if (Facts.Count + added.Count <= KeptIndexFacts)
        {
            // A small story's index is let go after the version and built afresh for the next: adding to
            // it now would only grow its tail.
            Facts.AddRange(added);
            _factIndex = null;
        }
        else
        {
            // A story outgrowing the scratch index gets its own: the first AddFact builds it of the facts it had.
            foreach (var fact in added)
            {
                AddFact(fact);
            }
        }

        BoundFacts(options);

        return found
            .OrderByDescending(f => f.Score)
            .ThenBy(f => f.Sentence.Position)
            .Select(f => new RankedFact(f.Sentence.Text, f.Score, article.Source, article.Url))
            .ToList();
    }

    private double EntityShare(string key) =>
        VersionCount == 0 ? 0 : Math.Min(1.0, _entities.CountOf(key) / (double)VersionCount);

    private (KnownFact? Fact, double Containment) BestMatch(ReadOnlySpan<int> content, FactFeatureIndex index, List<KnownFact> added)
    {
        KnownFact? best = null;
        var bestContainment = 0.0;

        // A fact's containment is the share of the content features it carries, counted from the index
        // (which holds each fact's content features once); ties go to the fact met first, as a lookup of
        // each feature in turn meets them.
        Span<int> shared = Facts.Count <= 512 ? stackalloc int[Facts.Count] : new int[Facts.Count];
        Span<int> met = Facts.Count <= 512 ? stackalloc int[Facts.Count] : new int[Facts.Count];
        var count = index.CountShared(content, shared, met);
        foreach (var i in met[..count])
        {
            var c = shared[i] / (double)content.Length;
            if (c > bestContainment)
            {
                bestContainment = c;
                best = Facts[i];
            }
        }

        // The same article may say a thing twice: its new facts are compared by merging their sorted
        // features with the content's, sorted once.
        if (added.Count == 0)
        {
            return (best, bestContainment);
        }

        Span<int> sorted = content.Length <= 256 ? stackalloc int[content.Length] : new int[content.Length];
        content.CopyTo(sorted);
        sorted.Sort();
        foreach (var fact in added)
        {
            var c = FactFingerprint.ContainmentOfSorted(sorted, fact);
            if (c > bestContainment)
            {
                bestContainment = c;
                best = fact;
            }
        }

        return (best, bestContainment);
    }

    private void AddFact(KnownFact fact)
    {
        var index = FactIndex();
        Facts.Add(fact);
        index.Add(fact, Facts.Count - 1);
    }

    /// <summary>The story's own fact index, built when first needed.</summary>
    private FactFeatureIndex FactIndex() => _factIndex ??= FactFeatureIndex.Of(Facts);

    /// <summary>
    /// The index a version is read against: a large story's own; for a small one, whose index is let go
    /// after each version, the thread's scratch index rebuilt from its facts (so it allocates nothing).
    /// </summary>
    private FactFeatureIndex VersionFactIndex()
    {
        if (_factIndex is not null || Facts.Count > KeptIndexFacts)
        {
            return FactIndex();
        }

        var scratch = ScratchIndex ??= new FactFeatureIndex();
        scratch.Rebuild(Facts);
        return scratch;
    }

    /// <summary>The index a small story's version is read against (one per thread; see <see cref="VersionFactIndex"/>).</summary>
    [ThreadStatic]
    private static FactFeatureIndex? ScratchIndex;

    /// <summary>A sentence's content features while it is compared (one buffer per thread).</summary>
    [ThreadStatic]
    private static int[]? ContentScratch;
}
