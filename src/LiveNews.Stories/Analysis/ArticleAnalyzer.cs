using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using LiveNews.Text.Entities;
using LiveNews.Text.Furniture;
using LiveNews.Text.Normalization;
using LiveNews.Text.Segmentation;
using LiveNews.Text.Sentences;
using LiveNews.Text.Tokens;

namespace LiveNews.Stories.Analysis;

/// <summary>
/// Turns an <see cref="ArticleInput"/> into an <see cref="AnalysedArticle"/>: HTML to text, furniture
/// removal, headline, sentences with their fingerprints, entities with their aliases resolved, and the
/// weighted term features that story matching uses. Pure and deterministic.
/// </summary>
public sealed partial class ArticleAnalyzer
{
    /// <summary>Text beyond this many characters is not analysed (bounded work per article).</summary>
    public const int MaxTextLength = 200_000;

    private readonly StoryEngineOptions _options;
    private readonly SourceTemplateLearner? _templates;
    private readonly NameLexicon _names;

    // Scratch reused from article to article (Build; an analyser has one owner at a time): token lists, one
    // per sentence, and the sets and weights whose contents are copied out.
    private readonly List<List<Token>> _tokenLists = [];
    private HashSet<string> _capitalised = new(StringComparer.Ordinal);
    private HashSet<string> _stems = new(64, StringComparer.Ordinal);
    private HashSet<string> _numbers = new(8, StringComparer.Ordinal);
    private HashSet<string> _keys = new(16, StringComparer.Ordinal);
    private Dictionary<string, float> _entityWeights = new(StringComparer.Ordinal);
    private Dictionary<string, float> _terms = new(StringComparer.Ordinal);
    private Dictionary<string, int> _entityCounts = new(StringComparer.Ordinal);
    private Dictionary<string, string> _entityNames = new(StringComparer.Ordinal);
    private Dictionary<string, string> _aliasByWord = new(StringComparer.Ordinal);

    /// <summary>Each sentence's entity mentions while an article is built (one list per sentence, reused).</summary>
    private readonly List<List<EntityMention>> _mentionLists = [];

    /// <summary>Scratch that grew beyond this many entries (a huge article) is let go rather than cleared for every later one.</summary>
    private const int ScratchLimit = 4096;

    /// <param name="options">Engine options.</param>
    /// <param name="templates">Learns each source's template lines from the pages it sees; null to not learn.</param>
    /// <param name="names">Learns which words are names across articles; a fresh one when null.</param>
    public ArticleAnalyzer(StoryEngineOptions? options = null, SourceTemplateLearner? templates = null, NameLexicon? names = null)
    {
        _options = options ?? new StoryEngineOptions();
        _templates = templates;
        _names = names ?? new NameLexicon();
    }

    /// <summary>Analyses one article version as a single article (its main part, when the page carries several).</summary>
    public AnalysedArticle Analyze(ArticleInput input, Func<string, bool>? isTemplateLine = null) =>
        AnalyzePage(input, isTemplateLine)[0];

    /// <summary>
    /// Analyses one article version and splits a page that carries several articles: the first part
    /// keeps the article id, each further part is its own article "id#n" with its own headline.
    /// </summary>
    public List<AnalysedArticle> AnalyzePage(ArticleInput input, Func<string, bool>? isTemplateLine = null)
    {
        var templates = _templates;
        if (isTemplateLine is null && templates is not null)
        {
            isTemplateLine = line => templates.IsTemplate(input.Source, line);
        }

        var page = CleanText(input, isTemplateLine);
        templates?.Observe(input.Source, page.Lines.Where(l => l.Kind is FurnitureKind.None or FurnitureKind.SourceTemplate).Select(l => l.Text));
        var segments = PageSegmenter.Split(page.Lines, IsHeadlineLike);

        var title = TextNormalizer.Normalize(input.Title).Replace('\n', ' ').Trim();
        if (LooksLikeUrl(title))
        {
            title = "";
        }

        var hasTitle = title.Length > 0;
        var paragraphs = segments[0].Paragraphs.ToList();
        if (hasTitle && paragraphs.Count > 0 && string.Equals(paragraphs[0], title, StringComparison.OrdinalIgnoreCase))
        {
            paragraphs.RemoveAt(0);
        }
        else if (!hasTitle)
        {
            (title, paragraphs) = DeriveTitle(paragraphs);
        }

        // Pages often repeat their headline (above and below a paywall notice).
        paragraphs.RemoveAll(p => string.Equals(p, title, StringComparison.OrdinalIgnoreCase));

        var parts = new List<AnalysedArticle>(segments.Count) { Build(input, title, hasTitle, paragraphs, idSuffix: "") };
        for (var n = 1; n < segments.Count; n++)
        {
            parts.Add(Build(input, segments[n].Headline ?? "", hasTitle: true, [.. segments[n].Paragraphs], idSuffix: "#" + n));
        }

        return parts;
    }

    /// <summary>The clean paragraphs of an input's text (HTML converted, furniture removed).</summary>
    public static CleanPage CleanText(ArticleInput input, Func<string, bool>? isTemplateLine = null)
    {
        var raw = input.Text;
        string text;
        if (string.IsNullOrWhiteSpace(raw))
        {
            text = HtmlText.ToText(input.Html);
        }
        else if (HtmlText.LooksLikeHtml(raw))
        {
            text = HtmlText.ToText(raw);
        }
        else
        {
            text = TextNormalizer.Normalize(raw.Length > MaxTextLength ? raw[..MaxTextLength] : raw);
        }

        if (text.Length > MaxTextLength)
        {
            text = text[..MaxTextLength];
        }

        return PageCleaner.Clean(text, isTemplateLine);
    }

    internal AnalysedArticle Build(ArticleInput input, string title, bool hasTitle, List<string> paragraphs, string idSuffix)
    {
        // A headline-only item (or a headline and one line) tells its news in the headline: it is a fact too.
        if (paragraphs.Count <= 1 && title.Length > 0 && !paragraphs.Any(p => p.Contains(title, StringComparison.OrdinalIgnoreCase)))
        {
            paragraphs = [title, .. paragraphs];
        }

        var titleTokens = Tokenizer.Tokenize(title);

        // Words the text capitalises mid-sentence: such a word opening a sentence is a name too.
        var capitalised = Reused(ref _capitalised);
        var tokenised = new List<(string Text, List<Token> Tokens, int Paragraph, bool TitleCase)>();
        for (var p = 0; p < paragraphs.Count; p++)
        {
            foreach (var sentence in SentenceSplitter.Split(paragraphs[p]))
            {
                var tokens = Rent(_tokenLists, tokenised.Count, 32);
                Tokenizer.Tokenize(sentence, tokens);
                var titleCase = EntityExtractor.IsTitleCase(tokens);
                tokenised.Add((sentence, tokens, p, titleCase));
                if (titleCase)
                {
                    continue;
                }

                // The lexicon is large and read for every word: each word's place is asked for first, so
                // the sentence's lookups wait for memory together.
                for (var i = 1; i < tokens.Count; i++)
                {
                    if (LearnsName(tokens[i]))
                    {
                        _names.Prefetch(tokens[i].Forms.LowerHash);
                    }
                }

                for (var i = 1; i < tokens.Count; i++)
                {
                    if (tokens[i].Kind != TokenKind.Word)
                    {
                        continue;
                    }

                    if (LearnsName(tokens[i]))
                    {
                        _names.Observe(tokens[i].Lower, tokens[i].Forms.LowerHash, tokens[i].IsCapitalized);
                    }

                    if (tokens[i].IsCapitalized)
                    {
                        capitalised.Add(tokens[i].Lower);
                    }
                }
            }
        }

        // A sentence's first word is a name when other articles have shown it to be one; so is any word of a
        // title-case line (a headline standing alone), where capitals say nothing on their own.
        foreach (var (_, tokens, _, titleCase) in tokenised)
        {
            if (tokens.Count > 0 && tokens[0].Kind == TokenKind.Word && tokens[0].IsCapitalized && _names.IsName(tokens[0].Lower))
            {
                capitalised.Add(tokens[0].Lower);
            }

            if (titleCase)
            {
                foreach (var token in tokens)
                {
                    if (token.Kind == TokenKind.Word && token.IsCapitalized && _names.IsName(token.Lower))
                    {
                        capitalised.Add(token.Lower);
                    }
                }
            }
        }

        // Entities per sentence, then aliases inside the article: "Lavrov" is the "Sergei Lavrov" named before.
        var mentions = _mentionLists;
        for (var s = 0; s < tokenised.Count; s++)
        {
            EntityExtractor.Extract(tokenised[s].Tokens, capitalised, Rent(mentions, s, 4));
        }

        var aliasByWord = BuildAliasMap(mentions, tokenised.Count, Reused(ref _aliasByWord));
        // Gathered in the analyser's scratch dictionaries and copied out at their exact size: sized from the
        // text (every term token, repeats included) they allocated about twice what they held.
        var entityCounts = Reused(ref _entityCounts);
        var entityNames = Reused(ref _entityNames);
        var terms = Reused(ref _terms);
        var entityWeights = Reused(ref _entityWeights);
        var sentences = new List<SentenceUnit>(tokenised.Count);

        // One set of each kind, cleared for every sentence (their contents are copied out).
        var stems = Reused(ref _stems);
        var numbers = Reused(ref _numbers);
        var keys = Reused(ref _keys);
        for (var s = 0; s < tokenised.Count; s++)
        {
            var (text, tokens, paragraph, _) = tokenised[s];
            var position = PositionWeight(s);
            stems.Clear();
            numbers.Clear();
            keys.Clear();
            for (var t = 0; t < tokens.Count; t++)
            {
                var token = tokens[t];
                if (token.Kind == TokenKind.Number)
                {
                    numbers.Add(token.Lower);
                    if (IsTerm(token))
                    {
                        var feature = NumberFeature(token.Lower);
                        CollectionsMarshal.GetValueRefOrAddDefault(terms, feature, out _) += position;
                    }

                    continue;
                }

                if (!IsTerm(token))
                {
                    continue;
                }

                var stem = token.Stem;

                // Names are compared as entities (where spelling variants agree), not as words.
                if (!(EntityExtractor.IsNameWord(token) && (t > 0 || capitalised.Contains(token.Lower))))
                {
                    stems.Add(stem);
                }

                CollectionsMarshal.GetValueRefOrAddDefault(terms, stem, out _) += position;
            }

            foreach (var mention in mentions[s])
            {
                var key = Resolve(mention, aliasByWord);
                keys.Add(key);
                CollectionsMarshal.GetValueRefOrAddDefault(entityCounts, key, out _)++;
                CollectionsMarshal.GetValueRefOrAddDefault(entityWeights, key, out _) += position;
                if (!entityNames.TryGetValue(key, out var known) || known.Length < mention.Name.Length)
                {
                    entityNames[key] = mention.Name;
                }
            }

            sentences.Add(new SentenceUnit
            {
                Text = text,
                Stems = ToArray(stems),
                Entities = ToArray(keys),
                Numbers = ToArray(numbers),
                Quote = ExtractQuote(text),
                Paragraph = paragraph,
                Position = s,
            });
        }

        // Title words weigh more; in a headline every word is capitalised, so its entities come from
        // the body, except for headline-only items, where title-case runs are the best guess.
        var titleWeight = hasTitle ? _options.TitleWeight : _options.TitleWeight / 2;
        foreach (var token in titleTokens)
        {
            if (token.Kind != TokenKind.Word || !IsTerm(token))
            {
                continue;
            }

            var stem = token.Stem;
            CollectionsMarshal.GetValueRefOrAddDefault(terms, stem, out _) += titleWeight;
        }

        if (tokenised.Count == 0)
        {
            foreach (var mention in EntityExtractor.Extract(titleTokens, capitalised))
            {
                entityCounts[mention.Key] = entityCounts.GetValueOrDefault(mention.Key) + 1;
                entityWeights[mention.Key] = entityWeights.GetValueOrDefault(mention.Key) + 1;
                entityNames.TryAdd(mention.Key, mention.Name);
            }
        }

        // Who the headline names is who the article is about: "Charger Jamal Williams arrested" over the
        // "Vincent Jackson" its background recalls. A headline is title-cased, so its names are the body's
        // entities whose last word it carries.
        if (_options.HeadlineEntityWeight > 0 && titleTokens.Count > 0)
        {
            var headlineWords = new HashSet<string>(titleTokens.Count, StringComparer.OrdinalIgnoreCase);
            foreach (var token in titleTokens)
            {
                if (token.Kind == TokenKind.Word)
                {
                    headlineWords.Add(token.Lower);
                }
            }

            var inHeadline = headlineWords.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var (key, name) in entityNames)
            {
                var lastWord = name.AsSpan(name.LastIndexOf(' ') + 1);
                if (inHeadline.Contains(lastWord))
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(entityWeights, key, out _) += _options.HeadlineEntityWeight;
                }
            }
        }

        foreach (var (key, count) in entityWeights)
        {
            terms[EntityFeature(key)] = count;
            var surname = SurnameKey(key);
            if (surname is not null)
            {
                terms[EntityFeature(surname)] = terms.GetValueOrDefault(EntityFeature(surname)) + count;
            }
        }

        foreach (var (_, tokens, _, _) in tokenised)
        {
            // The token lists go back to the analyser's pool without the forms they point to.
            tokens.Clear();
        }

        return new AnalysedArticle
        {
            Id = input.Id + idSuffix,
            Source = input.Source,
            Url = input.Url,
            Headline = title,
            Published = input.Published,
            ContentHash = Hash(title, paragraphs),
            Terms = new Dictionary<string, float>(terms, StringComparer.Ordinal),
            Entities = new Dictionary<string, int>(entityCounts, StringComparer.Ordinal),
            EntityNames = new Dictionary<string, string>(entityNames, StringComparer.Ordinal),
            Sentences = sentences,
        };
    }

    /// <summary>
    /// True for a word the name lexicon counts. Stop words are left out (half the words of news text,
    /// <see cref="EntityExtractor.IsNeverName"/>): the entity extractor takes one for a name word only in
    /// capitals (WHO, IT), and there the lexicon's answer, decided by the word's far more frequent lower-case
    /// uses, was always no.
    /// </summary>
    private static bool LearnsName(Token token) =>
        token.Kind == TokenKind.Word && !EntityExtractor.IsNeverName(token.Forms);

    /// <summary>A scratch set's contents as an array (the shared empty array when it holds none: most sentences give no figure).</summary>
    private static string[] ToArray(HashSet<string> set) => set.Count == 0 ? [] : [.. set];

    /// <summary>A scratch set of the analyser, empty (a new one when the last article made it huge).</summary>
    private static HashSet<string> Reused(ref HashSet<string> set)
    {
        if (set.Count > ScratchLimit)
        {
            set = new HashSet<string>(StringComparer.Ordinal);
        }

        set.Clear();
        return set;
    }

    /// <summary>One of the analyser's scratch dictionaries, empty (a new one when the last article made it huge).</summary>
    private static Dictionary<string, TValue> Reused<TValue>(ref Dictionary<string, TValue> dictionary)
    {
        if (dictionary.Count > ScratchLimit)
        {
            dictionary = new Dictionary<string, TValue>(StringComparer.Ordinal);
        }

        dictionary.Clear();
        return dictionary;
    }

    /// <summary>
    /// The <paramref name="index"/>-th list of one of the analyser's per-sentence pools (tokens, mentions), empty:
    /// one list per sentence of the article being built, read only while it is built, so the next article
    /// reuses them.
    /// </summary>
    private static List<T> Rent<T>(List<List<T>> pool, int index, int capacity)
    {
        if (index == pool.Count)
        {
            pool.Add(new List<T>(capacity));
        }

        var list = pool[index];
        list.Clear();
        return list;
    }

    /// <summary>True when a token can be a term of the article: not a stop word, and two characters or more.</summary>
    private static bool IsTerm(Token token) => !token.IsStopWord && token.Lower.Length >= 2;

    /// <summary>How much a word counts by where its sentence stands: the lead tells the event, the tail the background.</summary>
    private float PositionWeight(int sentence) =>
        sentence < _options.LeadSentences ? _options.LeadWeight : sentence >= _options.TailFrom ? _options.TailWeight : 1f;

    /// <summary>The feature name of a number in <see cref="AnalysedArticle.Terms"/>.</summary>
    public static string NumberFeature(string number) => "#" + number;

    /// <summary>The feature name of an entity key in <see cref="AnalysedArticle.Terms"/>.</summary>
    public static string EntityFeature(string key) => "@" + key;

    /// <summary>For a multi-word name, the key of its last word (how later mentions name a person); else null.</summary>
    public static string? SurnameKey(string key)
    {
        var space = key.LastIndexOf(' ');
        return space > 0 && space < key.Length - 2 ? key[(space + 1)..] : null;
    }

    /// <summary>
    /// Fills <paramref name="map"/> (empty) from the mentions of the first <paramref name="sentences"/> sentences.
    /// </summary>
    private static Dictionary<string, string> BuildAliasMap(List<List<EntityMention>> mentions, int sentences, Dictionary<string, string> map)
    {
        // The last word of a person-like name (two or three words) points to that name, if no other name claims it:
        // "Lavrov" is the "Sergei Lavrov" named before. Words are looked up as spans of the names' keys, so
        // the names an article repeats (it names its people again and again) allocate nothing.
        var words = map.GetAlternateLookup<ReadOnlySpan<char>>();
        HashSet<string>? ambiguous = null;
        for (var s = 0; s < sentences; s++)
        {
            foreach (var mention in mentions[s])
            {
                if (mention.TokenCount is not (2 or 3))
                {
                    continue;
                }

                var word = mention.Key.AsSpan(mention.Key.LastIndexOf(' ') + 1);
                if (word.Length < 2)
                {
                    continue;
                }

                if (!words.TryGetValue(word, out var existing))
                {
                    words[word] = mention.Key;
                }
                else if (existing != mention.Key)
                {
                    (ambiguous ??= new HashSet<string>(StringComparer.Ordinal)).Add(word.ToString());
                }
            }
        }

        foreach (var word in ambiguous ?? [])
        {
            map.Remove(word);
        }

        return map;
    }

    private static string Resolve(EntityMention mention, Dictionary<string, string> aliasByWord) =>
        mention.TokenCount == 1 && aliasByWord.TryGetValue(mention.Key, out var full) ? full : mention.Key;

    private static (string Title, List<string> Paragraphs) DeriveTitle(List<string> paragraphs)
    {
        // A short first line without closing punctuation, with the text below it, is the headline even in
        // sentence case ("Indian Navy foils attack in Gulf of Aden, nabs 26 pirates"); a dateline is not.
        if (paragraphs.Count >= 2 && IsShortHeadline(paragraphs[0]))
        {
            return (paragraphs[0], paragraphs.GetRange(1, paragraphs.Count - 1));
        }

        for (var i = 0; i < paragraphs.Count && i < 4; i++)
        {
            if (IsHeadlineLike(paragraphs[i]) && !IsDateline(paragraphs[i]))
            {
                var rest = paragraphs.Where((_, k) => k != i).ToList();
                return (paragraphs[i], rest);
            }
        }

        if (paragraphs.Count == 0)
        {
            return ("", paragraphs);
        }

        // A scraped page often glues its headline to the standfirst under it: "U.S. and Russia Pursue
        // Partnership in a Head-Spinning Shift in Relations The two sides met in Saudi Arabia ...".
        if (GluedHeadlineLength(paragraphs[0]) is > 0 and var length)
        {
            var rest = paragraphs[0][length..].Trim();
            return (paragraphs[0][..length].Trim(), rest.Length > 0 ? [rest, .. paragraphs.Skip(1)] : paragraphs.GetRange(1, paragraphs.Count - 1));
        }

        // Otherwise the first sentence, without a wire dateline ("RIYADH (Reuters): ") in front of it.
        var first = SentenceSplitter.Split(paragraphs[0]).FirstOrDefault() ?? paragraphs[0];
        var dateline = WireDateline().Match(first);
        if (dateline.Success && first.Length - dateline.Length >= 15)
        {
            first = first[dateline.Length..];
        }

        return (Truncate(first, 140), paragraphs);
    }

    /// <summary>A wire dateline: a place in capitals, perhaps a region or date after a comma, the agency in brackets, then a colon or dash.</summary>
    [GeneratedRegex(@"^(\p{Lu}{3,}[.']?\s?)+(,[^()
]{1,30})?\s*\([\p{L}. ]{2,30}\)\s*[:—–-]\s*", RegexOptions.CultureInvariant)]
    private static partial Regex WireDateline();

    /// <summary>Capitalised words that open a sentence and hardly ever stand inside a headline's title case.</summary>
    private static readonly HashSet<string> SentenceOpeners = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "After", "As", "For", "With", "When", "While", "It", "He", "She", "They",
        "This", "These", "Its", "His", "Her", "Their", "But",
    };

    /// <summary>
    /// The length of a title-case headline that opens <paramref name="line"/> and runs straight into a sentence-case
    /// sentence (a capitalised opener such as "The", then mostly lower-case words), or 0 when the line does not
    /// start so. The headline has 5 to 24 words, at least three of them long (four letters or more) and every long
    /// word capitalised, as title case has it; the sentence after it at least five long words, at most half of them
    /// capitalised.
    /// </summary>
    internal static int GluedHeadlineLength(string line)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var k = Math.Min(24, words.Length - 6); k >= 5; k--)
        {
            if (!SentenceOpeners.Contains(words[k]) || words[k - 1][^1] is '.' or ',' or ';' or ':' or '"' or '!' or '?')
            {
                continue;
            }

            var headlineLong = words.Take(k).Where(w => w.Length > 3).ToList();
            var sentenceLong = words.Skip(k + 1).Take(20).Where(w => w.Length > 3).ToList();
            if (headlineLong.Count >= 3 && headlineLong.All(w => char.IsUpper(w[0]) || char.IsDigit(w[0]))
                && sentenceLong.Count >= 5 && sentenceLong.Count(w => char.IsUpper(w[0])) * 2 <= sentenceLong.Count)
            {
                var end = EndOfWord(line, k);
                return end is >= 15 and <= 160 ? end : 0;
            }
        }

        return 0;
    }

    /// <summary>Where the <paramref name="count"/>-th space-separated word of <paramref name="line"/> ends.</summary>
    private static int EndOfWord(string line, int count)
    {
        var at = 0;
        for (var n = 0; n < count; n++)
        {
            while (at < line.Length && line[at] == ' ')
            {
                at++;
            }

            while (at < line.Length && line[at] != ' ')
            {
                at++;
            }
        }

        return at;
    }

    /// <summary>True when a "title" is really an address (some captures put the URL where the headline goes).</summary>
    public static bool LooksLikeUrl(string text) =>
        text.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https:", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
        || text.Split(" / ").Length > 3;

    private static readonly string[] Months =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
         "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>True for a line of a headline's length and shape (3 to 24 words, no closing punctuation) that is not a dateline.</summary>
    private static bool IsShortHeadline(string line)
    {
        var text = line.Trim();
        if (text.Length is < 15 or > 160 || text[^1] is '.' or ',' or ';' or ':' or '"' or '…' || IsDateline(text))
        {
            return false;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 3 and <= 24 && char.IsUpper(text[0]);
    }

    /// <summary>True for a place-and-date line such as "Mumbai, Nov 11 -" or "Friday, November 11, 2011".</summary>
    private static bool IsDateline(string line)
    {
        var words = line.Split([' ', ',', '-', '.', '/'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 7
            && words.Any(w => w.Length > 0 && char.IsDigit(w[0]))
            && words.Any(w => Months.Contains(w.ToLowerInvariant()));
    }

    /// <summary>True for a short line without closing punctuation, most of whose words are capitalised.</summary>
    public static bool IsHeadlineLike(string line)
    {
        var text = line.Trim();
        if (text.Length is < 15 or > 160 || text[^1] is '.' or ',' or ';' or ':' or '"' or '…')
        {
            return false;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 3 or > 24)
        {
            return false;
        }

        var capitalised = words.Count(w => char.IsUpper(w[0]) || char.IsDigit(w[0]));
        var longWords = words.Count(w => w.Length > 3);
        var capitalisedLong = words.Count(w => w.Length > 3 && char.IsUpper(w[0]));
        return capitalised >= words.Length * 0.6 || (longWords > 0 && capitalisedLong >= longWords * 0.8);
    }

    private static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max);
        return (cut > max / 2 ? text[..cut] : text[..max]) + "…";
    }

    private static string? ExtractQuote(string sentence)
    {
        var open = sentence.IndexOf('"');
        if (open < 0)
        {
            return null;
        }

        var close = sentence.IndexOf('"', open + 1);
        if (close < 0 || close - open < 12)
        {
            return null;
        }

        return sentence[(open + 1)..close].Trim();
    }

    /// <summary>The thread's content hasher, reset for each article (one is a 600-byte object).</summary>
    [ThreadStatic]
    private static XxHash128? _contentHash;

    private static string Hash(string title, List<string> paragraphs)
    {
        // "title\nparagraph\n..." fed piece by piece as UTF-16, without building the whole text. A content
        // identity, not a secret: the non-cryptographic XxHash128 costs a fraction of SHA-256's set-up.
        var hash = _contentHash ??= new XxHash128();
        hash.Reset();
        hash.Append(MemoryMarshal.AsBytes(title.AsSpan()));
        ReadOnlySpan<char> newline = ['\n'];
        foreach (var p in paragraphs)
        {
            hash.Append(MemoryMarshal.AsBytes(newline));
            hash.Append(MemoryMarshal.AsBytes(p.AsSpan()));
        }

        Span<byte> digest = stackalloc byte[16];
        hash.GetCurrentHash(digest);
        return Convert.ToHexString(digest);
    }
}
