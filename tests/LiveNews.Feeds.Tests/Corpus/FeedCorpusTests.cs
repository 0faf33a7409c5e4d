using System.Text.RegularExpressions;
using LiveNews.Feeds.Parsing;
using LiveNews.Tests.Shared;

namespace LiveNews.Feeds.Tests.Corpus;

/// <summary>
/// Runs every feed of the peer projects' corpora (tests/fixtures/feeds): nothing crashes or hangs, and
/// the expectations about the fields LiveNews uses hold. Pass rates are printed and recorded in
/// docs/FEEDS.md.
/// </summary>
public partial class FeedCorpusTests(ITestOutputHelper output)
{
    private static readonly string[] FeedExtensions = [".xml", ".rss", ".atom", ".rdf", ".json"];

    [Fact]
    public void Feedparser_ExpectationsHold()
    {
        var root = Fixtures.Path("feeds", "feedparser-tests");
        int applicable = 0, passed = 0, files = 0, failedToParse = 0;
        var failures = new List<string>();
        // CDF (Microsoft's Channel Definition Format) is not a format LiveNews reads.
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => FeedExtensions.Contains(Path.GetExtension(f)) && !f.Contains($"{Path.DirectorySeparatorChar}cdf{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal))
        {
            files++;
            var bytes = File.ReadAllBytes(file);
            var head = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 4000));
            var header = HeaderLine().Match(head);
            var contentType = header.Success ? header.Groups[1].Value.Trim() : null;
            // feedparser's harness served the files over HTTP; relative links resolve against that address.
            var documentUri = "http://127.0.0.1:8097/" + Path.GetRelativePath(root, file).Replace('\\', '/');
            var location = LocationLine().Match(head);
            var result = FeedParser.Parse(bytes, contentType, location.Success ? location.Groups[1].Value.Trim() : documentUri);
            if (!result.Succeeded)
            {
                failedToParse++;
                Assert.NotEmpty(result.Problems);
            }

            var expect = ExpectLine().Match(head);
            if (!expect.Success || FeedparserExpectation.Read(expect.Groups[1].Value.Trim()) is not { } expectations)
            {
                continue;
            }

            applicable++;
            if (expectations.All(e => e.Holds(result.Feed)))
            {
                passed++;
            }
            else
            {
                failures.Add($"{Path.GetRelativePath(root, file)}: {expect.Groups[1].Value.Trim()} | got: {string.Join(" | ", expectations.Select(e => e.Describe(result.Feed)))} {string.Join("; ", result.Problems)}");
            }
        }

        var rate = applicable == 0 ? 0 : passed / (double)applicable;
        output.WriteLine($"feedparser-tests: {files} files, {failedToParse} not parsed, {passed}/{applicable} applicable expectations hold ({rate:P1})");
        foreach (var failure in failures.Take(60))
        {
            output.WriteLine("  FAIL " + failure);
        }

        Assert.True(applicable > 400, $"only {applicable} applicable expectations found");
        Assert.True(rate >= 0.90, $"pass rate {rate:P1} below 90%");
    }

    [Fact]
    public void Gofeed_TranslatorExpectationsHold()
    {
        var root = Fixtures.Path("feeds", "gofeed-testdata", "translator");
        var rate = RunExpectedJson(root, "*.json", json => Path.ChangeExtension(json, ".xml"), ExpectedJsonComparer.Gofeed, "gofeed-testdata/translator");
        Assert.True(rate >= 0.90, $"pass rate {rate:P1} below 90%");
    }

    [Fact]
    public void FeedRs_ExpectationsHold()
    {
        var root = Fixtures.Path("feeds", "feed-rs-fixtures");
        var rate = RunExpectedJson(root, "*.serde.json", json => json.Replace(".serde.json", FindSource(json), StringComparison.Ordinal), ExpectedJsonComparer.FeedRs, "feed-rs-fixtures");
        Assert.True(rate >= 0.90, $"pass rate {rate:P1} below 90%");
    }

    [Fact]
    public void RealWorldAndCharsetFeeds_ParseOrFailClearly()
    {
        var root = Fixtures.Path("feeds", "miniflux-testdata");
        var parsed = 0;
        var files = Directory.EnumerateFiles(root, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var result = FeedParser.Parse(File.ReadAllBytes(file));
            if (result.Succeeded)
            {
                parsed++;
                Assert.DoesNotContain('\uFFFD', result.Feed!.Title ?? "");
            }
            else
            {
                Assert.NotEmpty(result.Problems);
            }

            output.WriteLine($"{Path.GetRelativePath(root, file)}: {(result.Succeeded ? $"{result.Feed!.Format}, {result.Feed.Entries.Count} entries, '{result.Feed.Title}', {result.Encoding}" : "not a feed: " + result.Problems[0])}");
        }

        output.WriteLine($"miniflux-testdata: {parsed}/{files.Count} parsed");
        Assert.True(parsed >= files.Count - 2);
    }

    private static string FindSource(string json)
    {
        var stem = json[..^".serde.json".Length];
        foreach (var extension in new[] { ".xml", ".json", ".rss", ".atom" })
        {
            if (File.Exists(stem + extension))
            {
                return extension;
            }
        }

        return ".xml";
    }

    private double RunExpectedJson(string root, string pattern, Func<string, string> sourceOf, Func<System.Text.Json.JsonElement, FeedDocument?, ExpectedJsonComparer.Outcome> compare, string label)
    {
        int files = 0, applicable = 0, passed = 0;
        var failures = new List<string>();
        foreach (var json in Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var source = sourceOf(json);
            if (!File.Exists(source) || source == json)
            {
                continue;
            }

            System.Text.Json.JsonDocument expected;
            try
            {
                expected = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
            }
            catch (System.Text.Json.JsonException)
            {
                continue; // an expectation file that is not JSON (a few upstream ones are empty)
            }

            using (expected)
            {
                files++;
                var result = FeedParser.Parse(File.ReadAllBytes(source));
                var outcome = compare(expected.RootElement, result.Feed);
                applicable += outcome.Applicable;
                passed += outcome.Passed;
                failures.AddRange(outcome.Failures.Select(f => $"{Path.GetRelativePath(root, source)}: {f}"));
            }
        }

        var rate = applicable == 0 ? 0 : passed / (double)applicable;
        output.WriteLine($"{label}: {files} feeds, {passed}/{applicable} expected fields hold ({rate:P1})");
        foreach (var failure in failures.Take(40))
        {
            output.WriteLine("  FAIL " + failure);
        }

        Assert.True(applicable > 50, $"only {applicable} expectations found");
        return rate;
    }

    [GeneratedRegex(@"Expect:\s*(.*?)\s*-->", RegexOptions.Singleline)]
    private static partial Regex ExpectLine();

    [GeneratedRegex(@"Header:\s*Content-type:\s*([^\r\n]*)", RegexOptions.IgnoreCase)]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"Header:\s*Content-Location:\s*([^\r\n]*)", RegexOptions.IgnoreCase)]
    private static partial Regex LocationLine();
}
