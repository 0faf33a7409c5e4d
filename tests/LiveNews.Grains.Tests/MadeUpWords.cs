using System.Security.Cryptography;
using System.Text;

namespace LiveNews.Grains.Tests;

/// <summary>
/// Pronounceable made-up words drawn from a seed, for articles that must share nothing with other tests'
/// articles (the engine would rightly join near-identical texts into one story).
/// </summary>
internal static class MadeUpWords
{
    private const string Consonants = "bdfgklmnprstvz";
    private const string Vowels = "aeiou";

    /// <summary>An article version <paramref name="prefix"/> + "1" told in words of its own (drawn from the prefix), so it opens a story of its own.</summary>
    public static LiveNews.Abstractions.Contracts.ArticleVersion Article(string prefix)
    {
        var words = From(prefix, 12);
        return new LiveNews.Abstractions.Contracts.ArticleVersion
        {
            Id = prefix + "1",
            Source = "wire",
            Title = $"{words[0]} {words[1]} {words[2]}",
            Text = $"The {string.Join(' ', words[3..8])} said. {string.Join(' ', words[8..])}.",
            Published = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
        };
    }

    public static string[] From(string seed, int count)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        return Enumerable.Range(0, count).Select(w => string.Concat(Enumerable.Range(0, 4).Select(i =>
        {
            var b = bytes[((w * 4) + i) % bytes.Length] + (w * 7);
            return $"{Consonants[b % Consonants.Length]}{Vowels[(b / 7) % Vowels.Length]}";
        }))).ToArray();
    }
}
