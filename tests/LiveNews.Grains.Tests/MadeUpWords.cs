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
