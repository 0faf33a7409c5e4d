using System.Text.Json;
using System.Text.RegularExpressions;
using LiveNews.Tests.Shared;
using LiveNews.Text.Furniture;
using LiveNews.Text.Normalization;

namespace LiveNews.Text.Tests.Furniture;

/// <summary>
/// The furniture patterns that may match anywhere in a line run only when the line holds one of their
/// words. These tests hold the split form to the single patterns it replaced, line by line, on real
/// pages and on lines made to hit every branch.
/// </summary>
public class FurnitureFilterPrefilterTests
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly Regex Advertisement = new(@"^(skip\s+)?advert[i]?[sz]e?ments?\b|^(sponsored( content)?|promoted|ad|ads|adsense|paid content|story continues below( this)? ad(vertisement)?)\b\W*$|\badsense\b|\badlogger\b|^continue reading the main story$", Options);
    private static readonly Regex Paywall = new(@"you have been granted access|you have a preview view|verify(ing)? (your )?access|checking your access|confirmed access|full article content will load|log ?in(to)? (to )?(your|with)|already a (subscriber|member)|reader mode|\bpaywall\b|subscribers? only|to continue reading|keep reading with|this article is (for|reserved for) (subscribers|members)|create (a )?free account|you('ve| have) reached (your|the) (limit|free)|free articles? (left|remaining)|use your keyboard to continue", Options);
    private static readonly Regex Subscribe = new(@"^(want (all of|to stay)|sign up (for|to)|subscribe( now| today| to)?\b|get (our|the) (newsletter|latest)|newsletter\b)|we('ll| will) send (our|you)[^.]{0,60}(inbox|email)|sign up for [^.]{0,60}newsletter|\bto your inbox\b|\bsubscribe\.?$", Options);
    private static readonly Regex PhotoCredit = new(@"^(photo|image|picture|video|credit)s?\s*(:|by\b)|\((photo|image|picture)s?( by|:)[^)]*\)\s*$|^credit\.{0,3}\s|\b(getty images|ap photo|afp via getty|reuters/|epa-efe|shutterstock|associated press)\b[^.]{0,60}$|^file photo\b|\bphoto(graph)?: ", Options);
    private static readonly Regex ContributedReporting = new(@"contributed (reporting|to (this|the) report)|^(additional )?reporting by\b|^(writing|editing|compiled|edited|written) by\b|^\(?(reporting|editing) by\b", Options);
    private static readonly Regex Copyright = new(@"^(©|\(c\)|copyright\b)|all rights reserved|^terms (of (use|service))|^privacy policy", Options);

    /// <summary>Lines that reach each pattern's branches away from the start of the line.</summary>
    public static TheoryData<string> MadeLines =>
    [
        "Powered by AdSense", "script adlogger loaded", "Read on: you have been granted access", "Note: you have a preview view here",
        "Please wait while verifying your access", "We are checking your access", "Once confirmed access is given", "The full article content will load soon",
        "Please log into your account", "Or login with Google", "Are you already a member?", "Switch to reader mode", "Behind the Paywall today",
        "For subscribers only", "Subscribe to continue reading", "Keep reading with a trial", "This article is reserved for members",
        "Create a free account now", "Sorry, you've reached your limit", "You have 3 free articles left", "Use your keyboard to continue",
        "Each week we'll send you the best stories straight to your email", "Please sign up for our daily newsletter", "News delivered to your inbox daily",
        "Like this? Subscribe.", "The pier at dawn (Photo by Jane Doe/Getty)", "Ministers meet in Riyadh Getty Images/AFP", "Caption (AP Photo/John Smith)",
        "Photograph: Alamy", "Credit via Reuters/Evelyn Hockstein", "Smith EPA-EFE", "Picture Shutterstock", "Associated Press writers in Kyiv",
        "Maria Varenikova contributed reporting.", "John Doe contributed to this report", "Example Corp. All rights reserved.",
        "ADVERTISEMENT", "Subscribe now", "Copyright 2025 Example", "Reporting by Jane Doe", "Photo: Evelyn Hockstein/Reuters",
    ];

    [Theory]
    [MemberData(nameof(MadeLines))]
    public void SplitPatterns_MatchMadeLinesAsTheSinglePatternsDid(string line)
    {
        AssertSame(line);
        Assert.True(Reference(line).Any(m => m), $"no pattern matches \"{line}\"");
    }

    [Fact]
    public void SplitPatterns_MatchEveryCorpusLineAsTheSinglePatternsDid()
    {
        var lines = CorpusLines().ToList();
        Assert.True(lines.Count > 10_000, $"only {lines.Count} lines");
        foreach (var line in lines)
        {
            AssertSame(line);
        }

        // The corpus holds furniture these patterns catch, so the comparison is not only of misses.
        Assert.True(lines.Count(l => Reference(l).Any(m => m)) > 20);
    }

    private static void AssertSame(string line)
    {
        bool[] split =
        [
            FurnitureFilter.Advertisement(line), FurnitureFilter.Paywall(line), FurnitureFilter.Subscribe(line),
            FurnitureFilter.PhotoCredit(line), FurnitureFilter.ContributedReporting(line), FurnitureFilter.Copyright(line),
        ];
        Assert.True(Reference(line).SequenceEqual(split), $"patterns differ on \"{line}\"");
    }

    private static bool[] Reference(string line) =>
    [
        Advertisement.IsMatch(line), Paywall.IsMatch(line), Subscribe.IsMatch(line),
        PhotoCredit.IsMatch(line), ContributedReporting.IsMatch(line), Copyright.IsMatch(line),
    ];

    private static IEnumerable<string> CorpusLines()
    {
        var seeds = Directory.EnumerateFiles(Fixtures.Path("corpus", "seeds"), "*.txt").Select(File.ReadAllText);
        var dev = Directory.EnumerateFiles(Fixtures.Path("corpus", "stories-dev"), "*.jsonl")
            .SelectMany(File.ReadLines)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => e.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "");
        return seeds.Concat(dev)
            .SelectMany(text => TextNormalizer.Normalize(text).Split('\n'))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0);
    }
}
