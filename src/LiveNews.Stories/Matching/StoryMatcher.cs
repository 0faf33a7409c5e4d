using LiveNews.Stories.Analysis;

namespace LiveNews.Stories.Matching;

/// <summary>
/// Finds the story an analysed article belongs to. Keeps per story a TF-IDF centroid (document
/// frequencies learned online) and its entities, and an inverted index from terms to the stories that
/// carry them, capped per term so that finding candidates is bounded work however many stories are
/// live. The score is the weighted cosine of each feature group (words, entities, numbers) to the
/// story's centroid, damped by the time gap.
/// Not thread-safe: one owner (a grain or a single-threaded engine) calls it.
/// </summary>
public sealed class StoryMatcher
{
    private const int IndexedTermsPerStory = 30;

    private readonly StoryEngineOptions _options;
    private readonly Dictionary<string, StoryProfile> _stories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _postings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _storyOfArticle = new(StringComparer.Ordinal);

    /// <summary>Article ids whose story is only known from a further part of their page ("id#n"), not from the article itself.</summary>
    private readonly HashSet<string> _knownByPage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _mergedInto = new(StringComparer.Ordinal);

    /// <summary>Candidate hits of the current match, reused between calls (the matcher has one owner).</summary>
    private readonly Dictionary<string, float> _hits = new(4096, StringComparer.Ordinal);
    private long _opened;

    public StoryMatcher(StoryEngineOptions? options = null)
    {
        _options = options ?? new StoryEngineOptions();
    }

    public TermStatistics Statistics { get; } = new();

    /// <summary>Live stories known to the matcher.</summary>
    public int StoryCount => _stories.Count;

    /// <summary>The story an article id was assigned to before (versions of one entry stay together).</summary>
    public string? StoryOfArticle(string articleId) =>
        _storyOfArticle.TryGetValue(articleId, out var storyId) ? Resolve(storyId) : null;

    /// <summary>The story a story id stands for now (itself, or the story it was merged into).</summary>
    public string Resolve(string storyId)
    {
        var current = storyId;
        for (var hops = 0; hops < 64 && _mergedInto.TryGetValue(current, out var next); hops++)
        {
            current = next;
        }

        return current;
    }

    /// <summary>A copy of everything learned so far (profiles are copied, so the matcher may go on).</summary>
    public StoryMatcherSnapshot ToSnapshot() => new()
    {
        Documents = Statistics.Documents,
        DocumentFrequency = new Dictionary<string, int>(Statistics.DocumentFrequencies, StringComparer.Ordinal),
        Stories = _stories.Values.OrderBy(p => p.Ordinal).Select(p => new StoryProfile
        {
            StoryId = p.StoryId,
            Centroid = new Dictionary<string, float>(p.Centroid, StringComparer.Ordinal),
            GroupNorms = (double[])p.GroupNorms.Clone(),
            Entities = new Dictionary<string, int>(p.Entities, StringComparer.Ordinal),
            Members = p.Members,
            Ordinal = p.Ordinal,
            FirstPublished = p.FirstPublished,
            LastPublished = p.LastPublished,
        }).ToList(),
        StoryOfArticle = new Dictionary<string, string>(_storyOfArticle, StringComparer.Ordinal),
        KnownByPage = [.. _knownByPage],
        MergedInto = new Dictionary<string, string>(_mergedInto, StringComparer.Ordinal),
        Opened = _opened,
    };

    /// <summary>A matcher that carries on from <paramref name="snapshot"/> (its inverted index rebuilt).</summary>
    public static StoryMatcher FromSnapshot(StoryMatcherSnapshot snapshot, StoryEngineOptions? options = null)
    {
        var matcher = new StoryMatcher(options);
        matcher.Statistics.Restore(snapshot.Documents, snapshot.DocumentFrequency);
        foreach (var profile in snapshot.Stories.OrderBy(p => p.LastPublished).ThenBy(p => p.Ordinal))
        {
            matcher._stories[profile.StoryId] = profile;
            matcher.Index(profile);
        }

        foreach (var (article, story) in snapshot.StoryOfArticle)
        {
            matcher._storyOfArticle[article] = story;
        }

        matcher._knownByPage.UnionWith(snapshot.KnownByPage);

        foreach (var (absorbed, survivor) in snapshot.MergedInto)
        {
            matcher._mergedInto[absorbed] = survivor;
        }

        matcher._opened = snapshot.Opened;
        return matcher;
    }

    /// <summary>The profile of a story, or null.</summary>
    public StoryProfile? GetProfile(string storyId) => _stories.GetValueOrDefault(storyId);

    /// <summary>
    /// Learns the article's terms and returns its TF-IDF vector: the strongest words, entities and
    /// numbers, each group normalised to unit length on its own.
    /// </summary>
    public Dictionary<string, float> Vectorize(AnalysedArticle article, bool learn = true)
    {
        if (learn)
        {
            Statistics.Observe(article.Terms.Keys);
        }

        var groups = new List<KeyValuePair<string, float>>[FeatureGroups.Count];
        for (var g = 0; g < groups.Length; g++)
        {
            groups[g] = [];
        }

        foreach (var (term, tf) in article.Terms)
        {
            if (tf <= 0)
            {
                continue;
            }

            var weight = (1.0 + Math.Log(tf)) * Statistics.Idf(term);
            groups[(int)FeatureGroups.Of(term)].Add(new(term, (float)weight));
        }

        var limits = new[] { _options.ArticleTerms, Math.Max(4, _options.ArticleTerms / 2), Math.Max(2, _options.ArticleTerms / 5) };
        var vector = new Dictionary<string, float>(StringComparer.Ordinal);
        for (var g = 0; g < groups.Length; g++)
        {
            var top = SparseVector.Top(groups[g], limits[g]);
            var norm = SparseVector.Norm(top);
            if (norm <= 0)
            {
                continue;
            }

            foreach (var (term, value) in top)
            {
                vector[term] = (float)(value / norm);
            }
        }

        return vector;
    }

    /// <summary>
    /// The whole decision for one article: vectorise, match (never one of <paramref name="exclude"/>),
    /// merge the stories it bridges (the oldest survives), and assign it. <paramref name="newStoryId"/>
    /// names the story the article opens when nothing is close enough.
    /// </summary>
    public StoryDecision Decide(AnalysedArticle article, string newStoryId, IReadOnlyCollection<string>? exclude = null)
    {
        var vector = Vectorize(article);
        var match = Match(article, vector, exclude);
        var storyId = match.StoryId ?? newStoryId;
        IReadOnlyList<string> absorbed = [];
        if (match.StoryId is not null && match.RunnersUp.Count > 0 && _stories.TryGetValue(match.StoryId, out var bestProfile))
        {
            var others = match.RunnersUp.Where(id => exclude?.Contains(id) != true).Select(GetProfile).OfType<StoryProfile>();
            (storyId, absorbed) = PlanMerge(bestProfile, others, _options);
            foreach (var id in absorbed)
            {
                Merge(storyId, id);
            }
        }

        Assign(storyId, article, vector);
        return new StoryDecision(storyId, match.StoryId is null, match.Score, match.Candidates, absorbed);
    }

    /// <summary>Stories opened by this matcher so far (a counter that only grows).</summary>
    public long Opened => _opened;

    /// <summary>
    /// The first half of a decision split over several matchers (shards, each holding some of the
    /// stories): learns the article's terms and returns this matcher's best story for it, with runners-up.
    /// The owner of the chosen story then calls <see cref="Commit"/>.
    /// </summary>
    public StoryMatch Propose(AnalysedArticle article, IReadOnlyCollection<string>? exclude = null)
    {
        var known = StoryOfArticle(article.Id);
        var vector = Vectorize(article);
        if (known is not null && !_stories.ContainsKey(known))
        {
            // Its story was merged into one that lives in another matcher.
            return new StoryMatch(known, 1.0, 0) { Known = true, KnownByPage = _knownByPage.Contains(article.Id) };
        }

        return Match(article, vector, exclude);
    }

    /// <summary>
    /// The second half: assigns the article to <paramref name="storyId"/>, a story of this matcher, or opens
    /// it when <paramref name="opens"/> (with <paramref name="ordinal"/> as its age among all matchers).
    /// Returns null when done, or the story <paramref name="storyId"/> was merged into (elsewhere) meanwhile.
    /// </summary>
    public string? Commit(AnalysedArticle article, string storyId, bool opens, long? ordinal = null)
    {
        if (!_stories.ContainsKey(storyId))
        {
            var resolved = Resolve(storyId);
            if (resolved != storyId)
            {
                return resolved;
            }

            if (!opens)
            {
                throw new InvalidOperationException($"story {storyId} is not held here");
            }
        }

        Assign(storyId, article, Vectorize(article, learn: false), ordinal);
        return null;
    }

    /// <summary>The best of <paramref name="storyIds"/> (those held here) for an article, without learning anything.</summary>
    public (string? StoryId, double Score) ScoreAgainst(AnalysedArticle article, IEnumerable<string> storyIds, IReadOnlyCollection<string>? exclude = null)
    {
        var vector = Vectorize(article, learn: false);
        string? best = null;
        var bestScore = 0.0;
        foreach (var id in storyIds)
        {
            if (!_stories.TryGetValue(id, out var profile) || exclude?.Contains(id) == true)
            {
                continue;
            }

            var score = Score(article, vector, profile);
            if (score > bestScore)
            {
                (best, bestScore) = (id, score);
            }
        }

        return (best, bestScore);
    }

    /// <summary>Takes a story out of this matcher because it was merged into <paramref name="survivor"/> (held elsewhere); returns its profile.</summary>
    public StoryProfile? Detach(string storyId, string survivor)
    {
        if (!_stories.Remove(storyId, out var profile))
        {
            return null;
        }

        _mergedInto[storyId] = survivor;
        return profile;
    }

    /// <summary>Folds the profile of a story from another matcher into <paramref name="survivor"/>, held here.</summary>
    public void Absorb(string survivor, StoryProfile absorbed)
    {
        ArgumentNullException.ThrowIfNull(absorbed);
        if (!_stories.TryGetValue(survivor, out var target) || survivor == absorbed.StoryId)
        {
            return;
        }

        AddToCentroid(target, absorbed.Centroid);
        foreach (var (key, count) in absorbed.Entities)
        {
            target.Entities[key] = target.Entities.GetValueOrDefault(key) + count;
        }

        target.Members += absorbed.Members;
        Widen(target, absorbed.FirstPublished, absorbed.LastPublished);
        _mergedInto[absorbed.StoryId] = survivor;
        Index(target);
    }

    /// <summary>Scores the candidate stories of an article and picks the best at or above the threshold.</summary>
    public StoryMatch Match(AnalysedArticle article, IReadOnlyDictionary<string, float> vector, IReadOnlyCollection<string>? exclude = null)
    {
        var known = StoryOfArticle(article.Id);
        if (known is not null && _stories.ContainsKey(known))
        {
            return new StoryMatch(known, 1.0, 0) { Known = true, KnownByPage = _knownByPage.Contains(article.Id) };
        }

        var candidates = Candidates(vector);
        string? best = null;
        var bestScore = 0.0;
        var scores = new List<(string StoryId, double Score)>();
        foreach (var storyId in candidates)
        {
            if (exclude is not null && exclude.Contains(storyId))
            {
                // Parts of one page are different articles: they never join each other's stories.
                continue;
            }

            var profile = _stories[storyId];
            var score = Score(article, vector, profile);
            if (score >= _options.MergeThreshold)
            {
                scores.Add((storyId, score));
            }

            if (score > bestScore || (score == bestScore && best is not null && string.CompareOrdinal(storyId, best) < 0))
            {
                bestScore = score;
                best = storyId;
            }
        }

        if (bestScore < _options.MatchThreshold)
        {
            return new StoryMatch(null, bestScore, candidates.Count);
        }

        var runnersUp = scores.Where(s => s.StoryId != best).OrderByDescending(s => s.Score).ThenBy(s => s.StoryId, StringComparer.Ordinal)
            .Take(3).ToList();
        return new StoryMatch(best, bestScore, candidates.Count)
        {
            RunnersUp = [.. runnersUp.Select(s => s.StoryId)],
            RunnerUpScores = [.. runnersUp.Select(s => s.Score)],
        };
    }

    /// <summary>
    /// The match score of an article against one story, in [0, 1]: the cosine of each feature group
    /// (words, entities, numbers) weighted by the options, over the groups the article has, damped by
    /// the time gap.
    /// </summary>
    public double Score(AnalysedArticle article, IReadOnlyDictionary<string, float> vector, StoryProfile profile) =>
        Similarity(vector, profile.Centroid, profile.GroupNorms) * TimeFactor(article.Published, profile) * ProtagonistFactor(article, profile);

    private double Similarity(IReadOnlyDictionary<string, float> vector, IReadOnlyDictionary<string, float> centroid, double[] centroidNorms)
    {
        // One pass over the article's vector: per-group dot products, and which groups the article has.
        double d0 = 0, d1 = 0, d2 = 0;
        bool p0 = false, p1 = false, p2 = false;
        foreach (var (term, value) in vector)
        {
            var group = FeatureGroups.Of(term);
            switch (group)
            {
                case FeatureGroup.Words: p0 = true; break;
                case FeatureGroup.Entities: p1 = true; break;
                default: p2 = true; break;
            }

            if (centroid.TryGetValue(term, out var o))
            {
                var product = value * (double)o;
                switch (group)
                {
                    case FeatureGroup.Words: d0 += product; break;
                    case FeatureGroup.Entities: d1 += product; break;
                    default: d2 += product; break;
                }
            }
        }

        // A weighted mean over the groups the article has (the article's groups are unit vectors).
        double sum = 0, total = 0;
        Accumulate(p0, _options.WordsWeight, d0, centroidNorms[0], ref sum, ref total);
        Accumulate(p1, _options.EntitiesWeight, d1, centroidNorms[1], ref sum, ref total);
        Accumulate(p2, _options.NumbersWeight, d2, centroidNorms[2], ref sum, ref total);
        return total > 0 ? sum / total : 0;
    }

    private static void Accumulate(bool present, double weight, double dot, double norm, ref double sum, ref double total)
    {
        if (!present || weight <= 0)
        {
            return;
        }

        total += weight;
        sum += weight * (norm > 0 ? dot / norm : 0);
    }

    /// <summary>Adds an article to a story (opening it when new): centroid, entities, index, article map.</summary>
    public void Assign(string storyId, AnalysedArticle article, IReadOnlyDictionary<string, float> vector, long? ordinal = null)
    {
        if (!_stories.TryGetValue(storyId, out var profile))
        {
            profile = new StoryProfile { StoryId = storyId, FirstPublished = article.Published, LastPublished = article.Published, Ordinal = ordinal ?? _opened };
            _opened++;
            _stories[storyId] = profile;
        }

        _storyOfArticle[article.Id] = storyId;
        _knownByPage.Remove(article.Id);
        var baseId = BaseArticleId(article.Id);
        if (baseId != article.Id && _storyOfArticle.TryAdd(baseId, storyId))
        {
            _knownByPage.Add(baseId);
        }

        profile.Members++;
        AddToCentroid(profile, vector);
        foreach (var key in article.Entities.Keys)
        {
            profile.Entities[key] = profile.Entities.GetValueOrDefault(key) + 1;
            if (ArticleAnalyzer.SurnameKey(key) is { } surname && surname != key)
            {
                profile.Entities[surname] = profile.Entities.GetValueOrDefault(surname) + 1;
            }
        }

        Widen(profile, article.Published, article.Published);

        // A story's strongest terms settle after a few members: re-index early on, then every fourth member.
        if (profile.Members <= 3 || profile.Members % 4 == 0)
        {
            Index(profile);
        }
    }

    /// <summary>
    /// Which stories an article that joined <paramref name="best"/> shows to be one with it: those among
    /// <paramref name="runnersUp"/> (the article scored high with them too) whose centroids agree with the
    /// best's. The oldest of the group survives (ordinals order stories by age); the others are absorbed
    /// (none when nothing agrees). Pure: the profiles may come from any matcher.
    /// </summary>
    public static (string Survivor, IReadOnlyList<string> Absorbed) PlanMerge(StoryProfile best, IEnumerable<StoryProfile> runnersUp, StoryEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(best);
        ArgumentNullException.ThrowIfNull(runnersUp);
        ArgumentNullException.ThrowIfNull(options);
        var group = runnersUp.Where(p => p.StoryId != best.StoryId && StorySimilarity(best, p, options) >= options.StoryMergeThreshold).Append(best).ToList();
        if (group.Count == 1)
        {
            return (best.StoryId, []);
        }

        var survivor = group.OrderBy(p => p.Ordinal).ThenBy(p => p.StoryId, StringComparer.Ordinal).First().StoryId;
        return (survivor, [.. group.Select(p => p.StoryId).Where(id => id != survivor)]);
    }

    /// <summary>Folds <paramref name="absorbed"/> into <paramref name="survivor"/>: centroid, entities, members, index.</summary>
    public void Merge(string survivor, string absorbed)
    {
        if (survivor != absorbed && _stories.ContainsKey(survivor) && Detach(absorbed, survivor) is { } source)
        {
            Absorb(survivor, source);
        }
    }

    /// <summary>Similarity of two stories' centroids: the weighted mean of the cosines of the groups both have (weights from <paramref name="options"/>).</summary>
    public static double StorySimilarity(StoryProfile a, StoryProfile b, StoryEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(options);
        var dots = FeatureGroups.Dots(a.Centroid, b.Centroid);
        var weights = new[] { options.WordsWeight, options.EntitiesWeight, options.NumbersWeight };
        double sum = 0, total = 0;
        for (var g = 0; g < FeatureGroups.Count; g++)
        {
            if (a.GroupNorms[g] <= 0 || b.GroupNorms[g] <= 0 || weights[g] <= 0)
            {
                continue;
            }

            sum += weights[g] * dots[g] / (a.GroupNorms[g] * b.GroupNorms[g]);
            total += weights[g];
        }

        return total > 0 ? sum / total : 0;
    }

    /// <summary>Adds a vector to a story's centroid, keeping only its strongest terms when it grows too big.</summary>
    private void AddToCentroid(StoryProfile profile, IReadOnlyDictionary<string, float> vector)
    {
        foreach (var (term, value) in vector)
        {
            profile.Centroid[term] = profile.Centroid.GetValueOrDefault(term) + value;
        }

        if (profile.Centroid.Count > _options.StoryTerms * 2)
        {
            profile.Centroid = SparseVector.Top(profile.Centroid, _options.StoryTerms);
        }

        profile.GroupNorms = FeatureGroups.Norms(profile.Centroid);
    }

    /// <summary>Widens a story's time span to take in <paramref name="first"/> .. <paramref name="last"/>.</summary>
    private static void Widen(StoryProfile profile, DateTimeOffset first, DateTimeOffset last)
    {
        if (first < profile.FirstPublished)
        {
            profile.FirstPublished = first;
        }

        if (last > profile.LastPublished)
        {
            profile.LastPublished = last;
        }
    }

    private static string BaseArticleId(string articleId)
    {
        var hash = articleId.LastIndexOf('#');
        return hash > 0 ? articleId[..hash] : articleId;
    }

    /// <summary>
    /// Less when the story has never named the people the article is about: the same kind of event
    /// with someone else at its centre (another player arrested, another ship) is another story.
    /// </summary>
    private double ProtagonistFactor(AnalysedArticle article, StoryProfile profile)
    {
        if (article.Protagonists.Length == 0)
        {
            return 1.0;
        }

        foreach (var key in article.Protagonists)
        {
            if (profile.Entities.ContainsKey(key) || (ArticleAnalyzer.SurnameKey(key) is { } surname && profile.Entities.ContainsKey(surname)))
            {
                return 1.0;
            }
        }

        return _options.ProtagonistPenalty;
    }

    private double TimeFactor(DateTimeOffset published, StoryProfile profile)
    {
        TimeSpan gap;
        if (published > profile.LastPublished)
        {
            gap = published - profile.LastPublished;
        }
        else if (published < profile.FirstPublished)
        {
            gap = profile.FirstPublished - published;
        }
        else
        {
            return 1.0;
        }

        if (gap <= _options.TimeWindow)
        {
            return 1.0;
        }

        var halfLives = (gap - _options.TimeWindow) / _options.TimeHalfLife;
        return Math.Pow(0.5, halfLives);
    }

    private List<string> Candidates(IReadOnlyDictionary<string, float> vector)
    {
        var hits = _hits;
        hits.Clear();
        foreach (var term in SparseVector.TopTerms(vector, _options.CandidateTerms))
        {
            var weight = vector[term];
            if (!_postings.TryGetValue(term, out var postings))
            {
                continue;
            }

            foreach (var storyId in postings)
            {
                // Stale entries (merged or expired stories) are dropped when candidates are scored.
                ref var hit = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(hits, storyId, out _);
                hit += weight;
            }
        }

        var keep = _options.ScoredCandidates;
        if (hits.Count <= keep)
        {
            return [.. hits.Keys.Where(_stories.ContainsKey)];
        }

        // The strongest candidates by shared term weight: a bounded heap, not a sort of every hit.
        var heap = new PriorityQueue<string, (float Weight, string Id)>(keep + 1, CandidateOrder.Instance);
        foreach (var (storyId, weight) in hits)
        {
            heap.Enqueue(storyId, (weight, storyId));
            if (heap.Count > keep)
            {
                heap.Dequeue();
            }
        }

        var result = new List<string>(keep);
        while (heap.TryDequeue(out var id, out _))
        {
            if (_stories.ContainsKey(id))
            {
                result.Add(id);
            }
        }

        return result;
    }

    /// <summary>Orders candidates weakest first (so the heap drops the weakest), ties by id for determinism.</summary>
    private sealed class CandidateOrder : IComparer<(float Weight, string Id)>
    {
        public static readonly CandidateOrder Instance = new();

        public int Compare((float Weight, string Id) x, (float Weight, string Id) y)
        {
            var byWeight = x.Weight.CompareTo(y.Weight);
            return byWeight != 0 ? byWeight : string.CompareOrdinal(y.Id, x.Id);
        }
    }

    private void Index(StoryProfile profile)
    {
        foreach (var term in SparseVector.TopTerms(profile.Centroid, IndexedTermsPerStory))
        {
            if (!_postings.TryGetValue(term, out var postings))
            {
                postings = [];
                _postings[term] = postings;
            }

            // Most recent last; a story updated again moves to the end.
            if (postings.Count > 0 && postings[^1] == profile.StoryId)
            {
                continue;
            }

            postings.Add(profile.StoryId);
            if (postings.Count > _options.PostingsPerTerm + (_options.PostingsPerTerm / 4))
            {
                Compact(postings, _options.PostingsPerTerm);
            }
        }
    }

    private void Compact(List<string> postings, int keep)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<string>(keep);
        for (var i = postings.Count - 1; i >= 0 && kept.Count < keep; i--)
        {
            if (_stories.ContainsKey(postings[i]) && seen.Add(postings[i]))
            {
                kept.Add(postings[i]);
            }
        }

        kept.Reverse();
        postings.Clear();
        postings.AddRange(kept);
    }
}
