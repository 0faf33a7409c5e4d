using System.Buffers;
using System.Runtime.InteropServices;
using LiveNews.Stories.Analysis;
using LiveNews.Text.Collections;

namespace LiveNews.Stories.Matching;

/// <summary>
/// Finds the story an analysed article belongs to. Keeps per story a TF-IDF centroid (document
/// frequencies learned online) and its entities, and an inverted index from terms to the stories that
/// carry them, capped per term so that finding candidates is bounded work however many stories are
/// live. The score is the weighted cosine of each feature group (words, entities, numbers) to the
/// story's centroid, damped by the time gap. Terms are interned as integer ids (<see cref="TermTable"/>)
/// and vectors and centroids kept as sorted arrays, so scoring a candidate is a merge of two arrays.
/// Not thread-safe: one owner (a grain or a single-threaded engine) calls it.
/// </summary>
public sealed class StoryMatcher
{
    private const int IndexedTermsPerStory = 30;

    private readonly StoryEngineOptions _options;
    private readonly Dictionary<string, LiveStory> _stories = new(StringComparer.Ordinal);

    /// <summary>Inverted index by term id: the slots of the stories indexed under the term, most recently updated last.</summary>
    private readonly List<List<int>?> _postings = [];

    /// <summary>Every story by slot (a dense number given when it is opened here); null once it left.</summary>
    private readonly List<LiveStory?> _slots = [];
    private readonly Dictionary<string, string> _storyOfArticle = new(StringComparer.Ordinal);

    /// <summary>Article ids whose story is only known from a further part of their page ("id#n"), not from the article itself.</summary>
    private readonly HashSet<string> _knownByPage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _mergedInto = new(StringComparer.Ordinal);

    /// <summary>Cache lines of a candidate's term ids and weights asked for before it is scored.</summary>
    private const int CentroidPrefetchLines = 4;

    /// <summary>Candidate hits of the current match: shared term weight by story slot.</summary>
    private readonly CandidateHits _hits = new();

    // The article being scored, laid out for looking up each candidate's terms.
    private readonly TermProbe _probe = new();
    private long _opened;

    public StoryMatcher(StoryEngineOptions? options = null)
    {
        _options = options ?? new StoryEngineOptions();
    }

    public TermStatistics Statistics { get; } = new();

    private TermTable Terms => Statistics.Terms;

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
    public StoryMatcherSnapshot ToSnapshot() => Capture().ToSnapshot();

    /// <summary>
    /// Everything learned so far, captured cheaply (arrays the matcher never writes into are shared, the
    /// rest copied): the matcher may go on at once, and the capture becomes a
    /// <see cref="StoryMatcherSnapshot"/> later, on any thread.
    /// </summary>
    public StoryMatcherCapture Capture() => new(
        Statistics.Documents,
        Statistics.CopyDocumentFrequencies(),
        Terms.CopyNames(),
        [.. _stories.Values.Select(s => s.Freeze())],
        new Dictionary<string, string>(_storyOfArticle, StringComparer.Ordinal),
        [.. _knownByPage],
        new Dictionary<string, string>(_mergedInto, StringComparer.Ordinal),
        _opened,
        [.. _postings.Select(p => p?.ToArray())]);

    /// <summary>A matcher that carries on from <paramref name="snapshot"/> (its inverted index rebuilt).</summary>
    public static StoryMatcher FromSnapshot(StoryMatcherSnapshot snapshot, StoryEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var matcher = new StoryMatcher(options);
        matcher.Statistics.Restore(snapshot.Documents, snapshot.DocumentFrequency);
        if (snapshot.Postings is { } postings)
        {
            // The index as it was: the same stories under each term, in the same order.
            var slots = new int[snapshot.Stories.Count];
            for (var position = 0; position < snapshot.Stories.Count; position++)
            {
                var story = LiveStory.FromProfile(snapshot.Stories[position], matcher.Terms);
                matcher.Add(story);
                slots[position] = story.Slot;
            }

            matcher.RestorePostings(postings, slots);
        }
        else
        {
            // A snapshot from before the index was kept: the index is built again from each story's strongest terms.
            foreach (var profile in snapshot.Stories.OrderBy(p => p.LastPublished).ThenBy(p => p.Ordinal))
            {
                var story = LiveStory.FromProfile(profile, matcher.Terms);
                matcher.Add(story);
                matcher.Index(story);
            }
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

    /// <summary>The profile of a story (a copy), or null.</summary>
    public StoryProfile? GetProfile(string storyId) => _stories.TryGetValue(storyId, out var story) ? ToProfile(story) : null;

    /// <summary>
    /// Learns the article's terms and returns its TF-IDF vector: the strongest words, entities and
    /// numbers, each group normalised to unit length on its own.
    /// </summary>
    public TermVector Vectorize(AnalysedArticle article, bool learn = true)
    {
        ArgumentNullException.ThrowIfNull(article);
        var terms = Terms;

        // Scratch arrays (the vector keeps exact-size copies) are pooled.
        var count = article.Terms.Count;
        var ids = ArrayPool<int>.Shared.Rent(count);
        var frequencies = ArrayPool<float>.Shared.Rent(count);
        var groups = ArrayPool<FeatureGroup>.Shared.Rent(count);

        // The term table is large and read once per term: every term's slot is asked for first, so the
        // lookups wait for memory together rather than one after another.
        var hashes = ArrayPool<int>.Shared.Rent(count);
        var h = 0;
        foreach (var term in article.Terms.Keys)
        {
            hashes[h] = SpanKeyTable.HashOf(term);
            terms.Prefetch(hashes[h++]);
        }

        var n = 0;
        h = 0;
        foreach (var (term, tf) in article.Terms)
        {
            var id = terms.GetOrAdd(term, hashes[h++]);
            if (learn)
            {
                Statistics.Count(id);
            }

            if (tf > 0)
            {
                ids[n] = id;
                frequencies[n] = tf;
                groups[n] = FeatureGroups.Of(term);
                n++;
            }
        }

        ArrayPool<int>.Shared.Return(hashes);
        if (learn)
        {
            Statistics.CountDocument();
        }

        // Each group's terms in one array, in the order the article gave them: counted, then placed.
        Span<int> starts = stackalloc int[FeatureGroups.Count + 1];
        for (var i = 0; i < n; i++)
        {
            starts[(int)groups[i] + 1]++;
        }

        for (var g = 1; g < starts.Length; g++)
        {
            starts[g] += starts[g - 1];
        }

        var byGroupIds = ArrayPool<int>.Shared.Rent(Math.Max(n, 1));
        var byGroupWeights = ArrayPool<float>.Shared.Rent(Math.Max(n, 1));
        Span<int> next = stackalloc int[FeatureGroups.Count];
        starts[..FeatureGroups.Count].CopyTo(next);
        for (var i = 0; i < n; i++)
        {
            var weight = (1.0 + Math.Log(frequencies[i])) * Statistics.IdfOf(ids[i]);
            var at = next[(int)groups[i]]++;
            (byGroupIds[at], byGroupWeights[at]) = (ids[i], (float)weight);
        }

        ArrayPool<FeatureGroup>.Shared.Return(groups);
        ArrayPool<int>.Shared.Return(ids);
        ArrayPool<float>.Shared.Return(frequencies);
        var limits = new[] { _options.ArticleTerms, Math.Max(4, _options.ArticleTerms / 2), Math.Max(2, _options.ArticleTerms / 5) };
        var tops = new int[FeatureGroups.Count][];
        var kept = 0;
        for (var g = 0; g < FeatureGroups.Count; g++)
        {
            tops[g] = Strongest(byGroupIds.AsSpan(starts[g]..starts[g + 1]), byGroupWeights.AsSpan(starts[g]..starts[g + 1]), limits[g]);
            kept += tops[g].Length;
        }

        // Ids are distinct: sorting the id array with the weights beside it gives the vector's order.
        var vectorIds = new int[kept];
        var values = new float[kept];
        var e = 0;
        for (var g = 0; g < FeatureGroups.Count; g++)
        {
            var gIds = byGroupIds.AsSpan(starts[g]..starts[g + 1]);
            var gWeights = byGroupWeights.AsSpan(starts[g]..starts[g + 1]);
            var top = tops[g];
            double sum = 0;
            foreach (var k in top)
            {
                sum += gWeights[k] * (double)gWeights[k];
            }

            var norm = Math.Sqrt(sum);
            if (norm <= 0)
            {
                continue;
            }

            foreach (var k in top)
            {
                (vectorIds[e], values[e]) = (gIds[k], (float)(gWeights[k] / norm));
                e++;
            }
        }

        ArrayPool<int>.Shared.Return(byGroupIds);
        ArrayPool<float>.Shared.Return(byGroupWeights);
        if (e < kept)
        {
            // A group without weight keeps nothing.
            Array.Resize(ref vectorIds, e);
            Array.Resize(ref values, e);
        }

        Array.Sort(vectorIds, values);
        return terms.Vector(vectorIds, values);
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
        if (match.StoryId is not null && match.RunnersUp.Count > 0 && _stories.TryGetValue(match.StoryId, out var best))
        {
            var others = match.RunnersUp
                .Where(id => exclude?.Contains(id) != true && id != best.StoryId)
                .Select(id => _stories.GetValueOrDefault(id))
                .OfType<LiveStory>()
                .Select(other => (other.StoryId, other.Ordinal, Similarity(best, other)));
            (storyId, absorbed) = PlanMerge(best.StoryId, best.Ordinal, others, _options.StoryMergeThreshold);
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
        ArgumentNullException.ThrowIfNull(article);
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
    public string? Commit(AnalysedArticle article, string storyId, bool opens, long? ordinal = null) =>
        Commit(article, storyId, opens, ordinal, describe: false, out _);

    /// <summary>
    /// <see cref="Commit(AnalysedArticle, string, bool, long?)"/>, also describing the assignment it made
    /// (null when it made none: the story was merged away) for a journal that outlives the matcher.
    /// </summary>
    public string? Commit(AnalysedArticle article, string storyId, bool opens, long? ordinal, out StoryAssignment? assignment) =>
        Commit(article, storyId, opens, ordinal, describe: true, out assignment);

    private string? Commit(AnalysedArticle article, string storyId, bool opens, long? ordinal, bool describe, out StoryAssignment? assignment)
    {
        ArgumentNullException.ThrowIfNull(article);
        assignment = null;
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

        var vector = Vectorize(article, learn: false);
        Assign(storyId, article.Id, article.Published, vector, ordinal);
        if (describe)
        {
            var names = new string[vector.Ids.Length];
            for (var k = 0; k < names.Length; k++)
            {
                names[k] = Terms.Name(vector.Ids[k]);
            }

            assignment = new StoryAssignment
            {
                ArticleId = article.Id,
                StoryId = storyId,
                Opens = opens,
                Ordinal = _stories[storyId].Ordinal,
                Published = article.Published,
                Terms = names,
                Weights = [.. vector.Values],
            };
        }

        return null;
    }

    /// <summary>
    /// Makes an assignment again on a matcher restored from a snapshot taken before it (a journal's
    /// entries, in their order). Its story gets the article's vector and the article its story; when the
    /// story has since moved to another matcher (merged, not opened here), only the article's story is kept.
    /// </summary>
    public void Replay(StoryAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var storyId = Resolve(assignment.StoryId);
        if (_stories.ContainsKey(storyId) || (assignment.Opens && storyId == assignment.StoryId))
        {
            var (ids, weights) = Terms.ToIds(assignment.Terms, assignment.Weights);
            Assign(storyId, assignment.ArticleId, assignment.Published, Terms.Vector(ids, weights), assignment.Ordinal);
        }
        else
        {
            RememberArticle(assignment.ArticleId, storyId);
        }
    }

    /// <summary>The best of <paramref name="storyIds"/> (those held here) for an article, without learning anything.</summary>
    public (string? StoryId, double Score) ScoreAgainst(AnalysedArticle article, IEnumerable<string> storyIds, IReadOnlyCollection<string>? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(storyIds);
        var vector = Vectorize(article, learn: false);
        string? best = null;
        var bestScore = 0.0;
        foreach (var id in storyIds)
        {
            if (!_stories.TryGetValue(id, out var story) || exclude?.Contains(id) == true)
            {
                continue;
            }

            var score = Score(article, vector, story);
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
        if (!_stories.Remove(storyId, out var story))
        {
            return null;
        }

        _slots[story.Slot] = null;
        _mergedInto[storyId] = survivor;
        return ToProfile(story);
    }

    /// <summary>
    /// Folds the profile of a story from another matcher into <paramref name="survivor"/>, held here; false
    /// (and nothing changes) when the survivor is not held here or is the absorbed story itself.
    /// </summary>
    public bool Absorb(string survivor, StoryProfile absorbed)
    {
        ArgumentNullException.ThrowIfNull(absorbed);
        if (!_stories.TryGetValue(survivor, out var target) || survivor == absorbed.StoryId)
        {
            return false;
        }

        var (ids, weights) = Terms.ToIds(absorbed.Centroid);
        AddToCentroid(target, ids, weights);
        target.Members += absorbed.Members;
        Widen(target, absorbed.FirstPublished, absorbed.LastPublished);
        _mergedInto[absorbed.StoryId] = survivor;
        Index(target);
        return true;
    }

    /// <summary>Scores the candidate stories of an article and picks the best at or above the threshold.</summary>
    public StoryMatch Match(AnalysedArticle article, TermVector vector, IReadOnlyCollection<string>? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(vector);
        var known = StoryOfArticle(article.Id);
        if (known is not null && _stories.ContainsKey(known))
        {
            return new StoryMatch(known, 1.0, 0) { Known = true, KnownByPage = _knownByPage.Contains(article.Id) };
        }

        var candidates = Candidates(vector);

        // Each candidate's centroid is asked for before any is scored, so their cache misses overlap.
        foreach (var story in candidates)
        {
            Prefetcher.Prefetch(story);
        }

        // And their terms, a few lines of each: a centroid is read from start to end.
        foreach (var story in candidates)
        {
            Prefetcher.PrefetchElements(story.TermIds, CentroidPrefetchLines);
            Prefetcher.PrefetchElements(story.Weights, CentroidPrefetchLines);
        }

        string? best = null;
        var bestScore = 0.0;
        var scores = new List<(string StoryId, double Score)>();
        foreach (var story in candidates)
        {
            var storyId = story.StoryId;
            if (exclude is not null && exclude.Contains(storyId))
            {
                // Parts of one page are different articles: they never join each other's stories.
                continue;
            }

            var score = Score(article, vector, story);
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
    private double Score(AnalysedArticle article, TermVector vector, LiveStory story) =>
        Similarity(vector, story) * TimeFactor(article.Published, story);

    private double Similarity(TermVector vector, LiveStory story)
    {
        Span<double> dots = stackalloc double[FeatureGroups.Count];
        _probe.Load(vector);
        _probe.Dots(story.TermIds, story.Weights, dots);

        // A weighted mean over the groups the article has (the article's groups are unit vectors).
        // Average linkage may charge at most LinkageSlack members' worth of disagreement; the centroid none.
        var slack = _options.Linkage == StoryLinkage.Average ? Math.Max(0, _options.LinkageSlack) : 0;
        double sum = 0, total = 0;
        Accumulate(vector.Has(FeatureGroup.Words), _options.WordsWeight, dots[0], story.GroupNorms[0], story.Members, slack, ref sum, ref total);
        Accumulate(vector.Has(FeatureGroup.Entities), _options.EntitiesWeight, dots[1], story.GroupNorms[1], story.Members, slack, ref sum, ref total);
        Accumulate(vector.Has(FeatureGroup.Numbers), _options.NumbersWeight, dots[2], story.GroupNorms[2], story.Members, slack, ref sum, ref total);
        return total > 0 ? sum / total : 0;
    }

    /// <summary>
    /// Adds one group's similarity: the dot product with the members' sum divided by the number of members
    /// (average linkage: each member is a unit vector, so that is the mean of the cosines with the members;
    /// members without the group count as zero), but by no more than the sum's length plus
    /// <paramref name="slack"/>; with no slack, by the sum's length (the centroid's cosine).
    /// </summary>
    private static void Accumulate(bool present, double weight, double dot, double norm, int members, double slack, ref double sum, ref double total)
    {
        if (!present || weight <= 0)
        {
            return;
        }

        total += weight;
        if (norm > 0)
        {
            sum += weight * dot / Math.Max(norm, Math.Min(members, norm + slack));
        }
    }

    /// <summary>Adds an article to a story (opening it when new): centroid, entities, index, article map.</summary>
    public void Assign(string storyId, AnalysedArticle article, TermVector vector, long? ordinal = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        Assign(storyId, article.Id, article.Published, vector, ordinal);
    }

    private void Assign(string storyId, string articleId, DateTimeOffset published, TermVector vector, long? ordinal)
    {
        ArgumentNullException.ThrowIfNull(vector);
        if (!_stories.TryGetValue(storyId, out var story))
        {
            story = new LiveStory { StoryId = storyId, FirstPublished = published, LastPublished = published, Ordinal = ordinal ?? _opened };
            _opened++;
            Add(story);
        }

        RememberArticle(articleId, storyId);
        story.Members++;
        AddToCentroid(story, vector.Ids, vector.Values);

        Widen(story, published, published);

        // A story's strongest terms settle after a few members: re-index early on, then every fourth member.
        if (story.Members <= 3 || story.Members % 4 == 0)
        {
            Index(story);
        }
    }

    /// <summary>Records the story of an article (and of its page, when it is a further part of one).</summary>
    private void RememberArticle(string articleId, string storyId)
    {
        _storyOfArticle[articleId] = storyId;
        _knownByPage.Remove(articleId);
        var baseId = BaseArticleId(articleId);
        if (baseId != articleId && _storyOfArticle.TryAdd(baseId, storyId))
        {
            _knownByPage.Add(baseId);
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
        var others = runnersUp.Where(p => p.StoryId != best.StoryId).Select(p => (p.StoryId, p.Ordinal, StorySimilarity(best, p, options)));
        return PlanMerge(best.StoryId, best.Ordinal, others, options.StoryMergeThreshold);
    }

    /// <summary>The merge rule on its own: the runners-up similar enough to the best join it; the oldest of the group survives.</summary>
    private static (string Survivor, IReadOnlyList<string> Absorbed) PlanMerge(
        string bestId, long bestOrdinal, IEnumerable<(string StoryId, long Ordinal, double Similarity)> runnersUp, double threshold)
    {
        var group = runnersUp.Where(r => r.Similarity >= threshold).Select(r => (r.StoryId, r.Ordinal)).Append((StoryId: bestId, Ordinal: bestOrdinal)).ToList();
        if (group.Count == 1)
        {
            return (bestId, []);
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
        return StorySimilarity(FeatureGroups.Dots(a.Centroid, b.Centroid), a.GroupNorms, b.GroupNorms, options);
    }

    /// <summary><see cref="StorySimilarity(StoryProfile, StoryProfile, StoryEngineOptions)"/> of two stories held here.</summary>
    private double Similarity(LiveStory a, LiveStory b)
    {
        var dots = new double[FeatureGroups.Count];
        Terms.Vector(a.TermIds, a.Weights).Dots(b.TermIds, b.Weights, dots);
        return StorySimilarity(dots, a.GroupNorms, b.GroupNorms, _options);
    }

    private static double StorySimilarity(double[] dots, double[] normsA, double[] normsB, StoryEngineOptions options)
    {
        var weights = new[] { options.WordsWeight, options.EntitiesWeight, options.NumbersWeight };
        double sum = 0, total = 0;
        for (var g = 0; g < FeatureGroups.Count; g++)
        {
            if (normsA[g] <= 0 || normsB[g] <= 0 || weights[g] <= 0)
            {
                continue;
            }

            sum += weights[g] * dots[g] / (normsA[g] * normsB[g]);
            total += weights[g];
        }

        return total > 0 ? sum / total : 0;
    }

    /// <summary>Adds a vector (ascending ids) to a story's centroid, keeping only its strongest terms when it grows too big.</summary>
    private void AddToCentroid(LiveStory story, int[] ids, float[] values)
    {
        var oldIds = story.TermIds;
        var oldWeights = story.Weights;
        // The merge is scratch (the centroid keeps exact-size copies): pooled arrays.
        var mergedIds = ArrayPool<int>.Shared.Rent(oldIds.Length + ids.Length);
        var mergedWeights = ArrayPool<float>.Shared.Rent(oldIds.Length + ids.Length);
        int i = 0, j = 0, n = 0;
        while (i < oldIds.Length || j < ids.Length)
        {
            if (j >= ids.Length || (i < oldIds.Length && oldIds[i] < ids[j]))
            {
                (mergedIds[n], mergedWeights[n]) = (oldIds[i], oldWeights[i]);
                i++;
            }
            else if (i >= oldIds.Length || ids[j] < oldIds[i])
            {
                (mergedIds[n], mergedWeights[n]) = (ids[j], values[j]);
                j++;
            }
            else
            {
                (mergedIds[n], mergedWeights[n]) = (oldIds[i], oldWeights[i] + values[j]);
                i++;
                j++;
            }

            n++;
        }

        if (n > _options.StoryTerms * 2)
        {
            // Keep the strongest terms (ties by name, so the result is deterministic), back in id order.
            var kept = Strongest(mergedIds.AsSpan(0, n), mergedWeights.AsSpan(0, n), _options.StoryTerms);
            Array.Sort(kept);
            for (var k = 0; k < kept.Length; k++)
            {
                (mergedIds[k], mergedWeights[k]) = (mergedIds[kept[k]], mergedWeights[kept[k]]);
            }

            n = kept.Length;
        }

        story.TermIds = mergedIds.AsSpan(0, n).ToArray();
        story.Weights = mergedWeights.AsSpan(0, n).ToArray();
        ArrayPool<int>.Shared.Return(mergedIds);
        ArrayPool<float>.Shared.Return(mergedWeights);
        var sums = new double[FeatureGroups.Count];
        for (var k = 0; k < n; k++)
        {
            sums[(int)Terms.Group(story.TermIds[k])] += story.Weights[k] * (double)story.Weights[k];
        }

        for (var g = 0; g < sums.Length; g++)
        {
            sums[g] = Math.Sqrt(sums[g]);
        }

        story.GroupNorms = sums;
    }

    /// <summary>
    /// Positions of the <paramref name="keep"/> strongest of <paramref name="weights"/> (all of them when
    /// there are no more), strongest first; equal weights are ordered by term name, so that the choice
    /// is the same in every matcher whatever ids it gave the terms.
    /// </summary>
    private int[] Strongest(ReadOnlySpan<int> ids, ReadOnlySpan<float> weights, int keep)
    {
        var n = weights.Length;
        if (keep <= 0)
        {
            return [];
        }

        if (n <= keep)
        {
            var all = new int[n];
            for (var k = 0; k < n; k++)
            {
                all[k] = k;
            }

            return all;
        }

        // Only the weights at or above the keep-th strongest can be kept: find that weight in one pass
        // (selection, not a sort of every weight), then sort the few at or above it.
        var scratch = ArrayPool<float>.Shared.Rent(n);
        weights.CopyTo(scratch);
        var threshold = KthLargest(scratch.AsSpan(0, n), keep);
        var m = 0;
        foreach (var weight in weights)
        {
            m += weight >= threshold ? 1 : 0;
        }

        var order = ArrayPool<int>.Shared.Rent(m);
        var keys = scratch;
        var at = 0;
        for (var k = 0; k < n; k++)
        {
            if (weights[k] >= threshold)
            {
                order[at] = k;
                keys[at] = -weights[k];
                at++;
            }
        }

        Array.Sort(keys, order, 0, m);
        for (var start = 0; start < keep;)
        {
            var end = start + 1;
            while (end < m && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                SortByTermName(ids, order.AsSpan(start, end - start));
            }

            start = end;
        }

        var strongest = order.AsSpan(0, keep).ToArray();
        ArrayPool<int>.Shared.Return(order);
        ArrayPool<float>.Shared.Return(scratch);
        return strongest;
    }

    /// <summary>
    /// The <paramref name="k"/>-th largest of <paramref name="values"/> (1 for the largest), which it
    /// reorders: a quickselect, linear on average.
    /// </summary>
    internal static float KthLargest(Span<float> values, int k)
    {
        var target = k - 1;
        int low = 0, high = values.Length - 1;
        while (low < high)
        {
            // Median of three as the pivot; then a three-way partition (larger, equal, smaller).
            var mid = low + ((high - low) >> 1);
            var (a, b, c) = (values[low], values[mid], values[high]);
            var pivot = Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
            int lt = low, i = low, gt = high;
            while (i <= gt)
            {
                var v = values[i];
                if (v > pivot)
                {
                    (values[lt], values[i]) = (values[i], values[lt]);
                    lt++;
                    i++;
                }
                else if (v < pivot)
                {
                    (values[i], values[gt]) = (values[gt], values[i]);
                    gt--;
                }
                else
                {
                    i++;
                }
            }

            if (target < lt)
            {
                high = lt - 1;
            }
            else if (target > gt)
            {
                low = gt + 1;
            }
            else
            {
                return pivot;
            }
        }

        return values[target];
    }

    /// <summary>Orders positions of <paramref name="ids"/> (a short run of equal weights) by the names of their terms.</summary>
    private void SortByTermName(ReadOnlySpan<int> ids, Span<int> positions)
    {
        var terms = Terms;
        if (positions.Length > 16)
        {
            var names = new string[positions.Length];
            for (var i = 0; i < names.Length; i++)
            {
                names[i] = terms.Name(ids[positions[i]]);
            }

            names.AsSpan().Sort(positions, StringComparer.Ordinal);
            return;
        }

        for (var i = 1; i < positions.Length; i++)
        {
            var position = positions[i];
            var name = terms.Name(ids[position]);
            var j = i - 1;
            while (j >= 0 && string.CompareOrdinal(terms.Name(ids[positions[j]]), name) > 0)
            {
                positions[j + 1] = positions[j];
                j--;
            }

            positions[j + 1] = position;
        }
    }

    private StoryProfile ToProfile(LiveStory story) => story.ToProfile(Terms.Names);

    /// <summary>Widens a story's time span to take in <paramref name="first"/> .. <paramref name="last"/>.</summary>
    private static void Widen(LiveStory story, DateTimeOffset first, DateTimeOffset last)
    {
        if (first < story.FirstPublished)
        {
            story.FirstPublished = first;
        }

        if (last > story.LastPublished)
        {
            story.LastPublished = last;
        }
    }

    private static string BaseArticleId(string articleId)
    {
        var hash = articleId.LastIndexOf('#');
        return hash > 0 ? articleId[..hash] : articleId;
    }

    private double TimeFactor(DateTimeOffset published, LiveStory story)
    {
        TimeSpan gap;
        if (published > story.LastPublished)
        {
            gap = published - story.LastPublished;
        }
        else if (published < story.FirstPublished)
        {
            gap = story.FirstPublished - published;
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


    private void Add(LiveStory story)
    {
        story.Slot = _slots.Count;
        _slots.Add(story);
        _stories[story.StoryId] = story;
    }

    private List<LiveStory> Candidates(TermVector vector)
    {
        var hits = _hits;
        hits.Reset();
        var strongest = Strongest(vector.Ids, vector.Values, _options.CandidateTerms);
        PrefetchPostings(vector.Ids, strongest);
        foreach (var k in strongest)
        {
            var (term, weight) = (vector.Ids[k], vector.Values[k]);
            if (term >= _postings.Count || _postings[term] is not { } postings)
            {
                continue;
            }

            foreach (var slot in CollectionsMarshal.AsSpan(postings))
            {
                // Stale entries (merged or expired stories) are dropped when candidates are scored.
                hits.Add(slot, weight);
            }
        }

        var keep = _options.ScoredCandidates;
        var result = new List<LiveStory>(Math.Min(keep, hits.Count));
        if (hits.Count <= keep)
        {
            foreach (var slot in hits.Slots)
            {
                if (_slots[slot] is { } story)
                {
                    result.Add(story);
                }
            }

            return result;
        }

        // The strongest candidates by shared term weight, strongest first: one pass that keeps a small sorted
        // array (most hits are weaker than the weakest kept and cost one comparison), not a sort of every hit.
        var kept = new (float Weight, int Slot)[keep];
        var count = 0;
        foreach (var slot in hits.Slots)
        {
            var entry = (hits.WeightOf(slot), slot);
            if (count == keep && !Stronger(entry, kept[keep - 1]))
            {
                continue;
            }

            var at = count < keep ? count++ : keep - 1;
            while (at > 0 && Stronger(entry, kept[at - 1]))
            {
                kept[at] = kept[at - 1];
                at--;
            }

            kept[at] = entry;
        }

        foreach (var (_, slot) in kept.AsSpan(0, count))
        {
            if (_slots[slot] is { } story)
            {
                result.Add(story);
            }
        }

        return result;
    }

    /// <summary>True when hit <paramref name="x"/> ranks before <paramref name="y"/>: more shared weight, ties by story id for determinism.</summary>
    private bool Stronger((float Weight, int Slot) x, (float Weight, int Slot) y)
    {
        if (x.Weight != y.Weight)
        {
            return x.Weight > y.Weight;
        }

        return x.Slot != y.Slot && string.CompareOrdinal(_slots[x.Slot]?.StoryId ?? "", _slots[y.Slot]?.StoryId ?? "") < 0;
    }

    private void Index(LiveStory story)
    {
        var strongest = Strongest(story.TermIds, story.Weights, IndexedTermsPerStory);
        PrefetchPostings(story.TermIds, strongest);
        foreach (var k in strongest)
        {
            var term = story.TermIds[k];
            while (_postings.Count <= term)
            {
                _postings.Add(null);
            }

            var postings = _postings[term] ??= [];

            // Most recent last; a story updated again moves to the end.
            if (postings.Count > 0 && postings[^1] == story.Slot)
            {
                continue;
            }

            postings.Add(story.Slot);
            if (postings.Count > _options.PostingsPerTerm + (_options.PostingsPerTerm / 4))
            {
                Compact(postings, _options.PostingsPerTerm);
            }
        }
    }

    /// <summary>
    /// The posting lists lie all over memory: the lists of the terms at <paramref name="positions"/> of
    /// <paramref name="ids"/>, then each list's entries, are asked for before any is read, so their cache
    /// misses overlap.
    /// </summary>
    private void PrefetchPostings(int[] ids, int[] positions)
    {
        foreach (var k in positions)
        {
            if (ids[k] < _postings.Count)
            {
                Prefetcher.Prefetch(_postings[ids[k]]);
            }
        }

        foreach (var k in positions)
        {
            if (ids[k] < _postings.Count && _postings[ids[k]] is { Count: > 0 } listed)
            {
                Prefetcher.Prefetch(ref CollectionsMarshal.AsSpan(listed)[0]);
            }
        }
    }

    /// <summary>
    /// Fills the inverted index from a snapshot's: story positions (in the snapshot's story list) per term;
    /// a negative position is an entry of a story that has left, kept so that lists compact as they did.
    /// </summary>
    private void RestorePostings(Dictionary<string, int[]> postings, int[] slots)
    {
        var leftSlot = -1;
        foreach (var (term, positions) in postings)
        {
            var id = Terms.GetOrAdd(term);
            while (_postings.Count <= id)
            {
                _postings.Add(null);
            }

            var list = new List<int>(positions.Length);
            foreach (var position in positions)
            {
                if (position >= slots.Length)
                {
                    throw new InvalidDataException($"the index of term {term} names story {position} of {slots.Length}");
                }

                if (position >= 0)
                {
                    list.Add(slots[position]);
                    continue;
                }

                if (leftSlot < 0)
                {
                    // One empty slot stands for every story that left.
                    leftSlot = _slots.Count;
                    _slots.Add(null);
                }

                list.Add(leftSlot);
            }

            _postings[id] = list;
        }
    }

    /// <summary>
    /// Keeps the <paramref name="keep"/> newest entries of live stories in a posting list, each once, in their
    /// order. A list holds a few dozen entries at most, so the entries kept are searched rather than put in a
    /// set: this runs for most re-indexings, and a set and a list for each run were about a tenth of what the
    /// engine allocated.
    /// </summary>
    private void Compact(List<int> postings, int keep)
    {
        keep = Math.Max(0, keep);
        Span<int> kept = keep <= 64 ? stackalloc int[keep] : new int[keep];
        var count = 0;
        for (var i = postings.Count - 1; i >= 0 && count < keep; i--)
        {
            var slot = postings[i];
            if (_slots[slot] is not null && !kept[..count].Contains(slot))
            {
                kept[count++] = slot;
            }
        }

        kept[..count].Reverse();
        postings.Clear();
        postings.AddRange(kept[..count]);
    }
}
