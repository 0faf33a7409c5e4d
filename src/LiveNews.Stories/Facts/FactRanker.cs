using LiveNews.Stories.Analysis;
using LiveNews.Text.Tokens;

namespace LiveNews.Stories.Facts;

/// <summary>
/// Ranks new facts by salience: how central their entities are to the story, whether they tell an
/// action (postponed, killed, resigned...), how early in the article they stand, and how new they are.
/// </summary>
public static class FactRanker
{
    private static readonly HashSet<string> ActionStems = new[]
    {
        "postpone", "delay", "cancel", "suspend", "halt", "resume", "announce", "declare", "confirm",
        "deni", "deny", "reject", "accept", "agree", "sign", "approve", "veto", "vote", "elect", "win", "won", "lose",
        "lost", "defeat", "resign", "quit", "fire", "sack", "dismiss", "appoint", "nominate", "arrest", "detain",
        "charge", "indict", "convict", "sentence", "acquit", "releas", "free", "kill", "die", "dead", "death",
        "injur", "wound", "attack", "strike", "bomb", "shoot", "shot", "invad", "launch", "withdraw", "retreat",
        "evacu", "collaps", "crash", "explod", "erupt", "earthquak", "flood", "protest", "boycott", "sanction",
        "ban", "impos", "lift", "warn", "threaten", "demand", "order", "rule", "sue", "fine", "raid", "seiz",
        "captur", "escap", "surrend", "ceasefir", "truce", "agreement", "deal", "summit", "meet", "visit",
        "hand", "return", "recal", "expel", "close", "open", "rais", "cut", "hike", "plung", "soar", "fell", "rose",
    }.Select(w => Stemmer.Stem(w)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The rank score of a new fact in [0, 1].</summary>
    /// <param name="sentence">The sentence that tells it.</param>
    /// <param name="storyEntityShare">For an entity key, the share of the story's versions that name it.</param>
    /// <param name="novelty">1 minus its best containment in known facts.</param>
    public static double Score(SentenceUnit sentence, Func<string, double> storyEntityShare, double novelty)
    {
        var centrality = 0.0;
        foreach (var entity in sentence.Entities)
        {
            centrality += storyEntityShare(entity);
        }

        centrality = Math.Min(1.0, centrality / 1.5);
        var action = sentence.Stems.Any(ActionStems.Contains) ? 1.0 : 0.0;
        var position = 1.0 / (1.0 + (sentence.Position / 6.0));
        var hasNumber = sentence.Numbers.Length > 0 ? 1.0 : 0.0;
        var score = (0.35 * centrality) + (0.25 * action) + (0.15 * position) + (0.15 * Math.Clamp(novelty, 0, 1)) + (0.10 * hasNumber);
        return Math.Round(score, 4);
    }
}
