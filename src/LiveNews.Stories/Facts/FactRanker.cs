using LiveNews.Stories.Analysis;
using LiveNews.Text.Tokens;

namespace LiveNews.Stories.Facts;

/// <summary>
/// Ranks new facts by salience: how central their entities are to the story, whether they tell an
/// action (postponed, killed, resigned...), how early in the article they stand, and how new they are.
/// </summary>
public static class FactRanker
{
    /// <summary>Verbs of change: what makes a development news (postponed, killed, resigned).</summary>
    private static readonly HashSet<string> StrongActions = Stems(
        "postpone", "delay", "cancel", "suspend", "halt", "resume", "declare", "confirm", "deny", "reject", "accept",
        "agree", "sign", "approve", "veto", "win", "won", "lose", "lost", "defeat", "resign", "quit", "fire", "sack",
        "dismiss", "appoint", "nominate", "arrest", "detain", "charge", "indict", "convict", "sentence", "acquit",
        "release", "free", "kill", "die", "dead", "death", "injure", "wound", "attack", "strike", "bomb", "shoot",
        "shot", "invade", "launch", "withdraw", "retreat", "evacuate", "collapse", "crash", "explode", "erupt",
        "earthquake", "flood", "protest", "boycott", "sanction", "ban", "impose", "lift", "threaten", "demand",
        "order", "rule", "sue", "fine", "raid", "seize", "capture", "escape", "surrender", "ceasefire", "truce",
        "expel", "recall", "hand", "return", "close", "plunge", "soar");

    /// <summary>Verbs of ordinary process: meetings and statements.</summary>
    private static readonly HashSet<string> WeakActions = Stems(
        "announce", "meet", "visit", "warn", "call", "plan", "propose", "discuss", "open", "raise", "cut", "hike", "deal", "summit");

    /// <summary>Words that mark background rather than a development.</summary>
    private static readonly HashSet<string> BackgroundWords = Stems(
        "ago", "decade", "decades", "previously", "history", "historically", "formerly", "earlier", "since", "began", "first term");

    /// <summary>The rank score of a new fact in [0, 1].</summary>
    /// <param name="sentence">The sentence that tells it.</param>
    /// <param name="storyEntityShare">For an entity key, the share of the story's versions that name it.</param>
    /// <param name="novelty">1 minus its best containment in known facts.</param>
    /// <param name="published">When the article was published (older years mentioned mark background).</param>
    public static double Score(SentenceUnit sentence, Func<string, double> storyEntityShare, double novelty, DateTimeOffset published)
    {
        var centrality = 0.0;
        foreach (var entity in sentence.Entities)
        {
            centrality += storyEntityShare(entity);
        }

        centrality = Math.Min(1.0, centrality / 1.5);
        var action = sentence.Stems.Any(StrongActions.Contains) ? 1.0 : sentence.Stems.Any(WeakActions.Contains) ? 0.4 : 0.0;
        var position = 1.0 / (1.0 + (sentence.Position / 6.0));
        var hasNumber = sentence.Numbers.Length > 0 ? 1.0 : 0.0;
        var background = IsBackground(sentence, published) ? 1.0 : 0.0;
        var score = (0.3 * centrality) + (0.3 * action) + (0.15 * position) + (0.15 * Math.Clamp(novelty, 0, 1)) + (0.1 * hasNumber) - (0.25 * background);
        return Math.Round(Math.Clamp(score, 0, 1), 4);
    }

    /// <summary>True when a sentence tells history: an earlier year, "ago", "a decade after".</summary>
    public static bool IsBackground(SentenceUnit sentence, DateTimeOffset published)
    {
        if (sentence.Stems.Any(BackgroundWords.Contains))
        {
            return true;
        }

        foreach (var number in sentence.Numbers)
        {
            if (number.Length == 4 && int.TryParse(number, out var year) && year >= 1900 && year < published.Year - 1 && published.Year > 1971)
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> Stems(params string[] words) =>
        words.Select(Synonyms.CanonicalStem).ToHashSet(StringComparer.Ordinal);
}
