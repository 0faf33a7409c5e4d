namespace LiveNews.Text.Tokens;

/// <summary>English function words and news boilerplate verbs that carry no topic.</summary>
public static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "after", "again", "against", "ago", "all", "almost", "along", "already", "also",
        "although", "always", "am", "among", "an", "and", "another", "any", "anyone", "anything", "are", "around",
        "as", "at", "away", "back", "be", "became", "because", "become", "been", "before", "being", "below",
        "between", "both", "but", "by", "can", "cannot", "could", "did", "do", "does", "doing", "done", "down",
        "during", "each", "either", "else", "enough", "even", "ever", "every", "few", "for", "from", "further",
        "get", "gets", "getting", "got", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
        "him", "himself", "his", "how", "however", "i", "if", "in", "including", "into", "is", "it", "its",
        "itself", "just", "last", "later", "least", "less", "like", "made", "make", "many", "may", "me", "might",
        "more", "most", "much", "must", "my", "myself", "near", "need", "never", "new", "next", "no", "nor",
        "not", "now", "of", "off", "often", "on", "once", "one", "only", "or", "other", "others", "our", "ours",
        "ourselves", "out", "over", "own", "per", "perhaps", "put", "quite", "rather", "really", "same", "see",
        "seen", "several", "shall", "she", "should", "since", "so", "some", "something", "still", "such", "than",
        "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those",
        "though", "through", "thus", "to", "too", "toward", "towards", "under", "until", "up", "upon", "us",
        "very", "via", "was", "we", "well", "were", "what", "whatever", "when", "where", "whether", "which",
        "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you",
        "your", "yours", "yourself", "yourselves", "s", "t", "d", "ll", "re", "ve", "m", "don", "didn", "doesn",
        "isn", "wasn", "weren", "won", "wouldn", "couldn", "shouldn", "haven", "hasn", "hadn", "aren",
        // reporting verbs and news filler: frequent in every story, telling none apart
        "said", "says", "say", "saying", "told", "tell", "according", "reported", "reports", "report",
        "added", "asked", "stated", "noted", "mr", "mrs", "ms", "dr", "yesterday", "today", "tomorrow",
        "week", "weeks", "year", "years", "day", "days", "time", "times", "people", "first", "two", "three",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    };

    /// <summary>True when <paramref name="lowerWord"/> carries no topic.</summary>
    public static bool Contains(string lowerWord) => Words.Contains(lowerWord);
}
