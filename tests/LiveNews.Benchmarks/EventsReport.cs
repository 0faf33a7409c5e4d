using System.Globalization;
using System.Text;
using LiveNews.Stories.Engine;

namespace LiveNews.Benchmarks;

/// <summary>
/// Writes every event the engine alone (no Orleans) gives for a stream, one line each: kind, story,
/// article, sequence, headline, absorbed stories and the ranked new facts with their scores. Two builds
/// that must decide alike (a change made for speed) are compared by diffing their outputs.
/// </summary>
/// <example>dotnet run -c Release --project tests/LiveNews.Benchmarks -- events ARTICLES.jsonl OUTPUT.txt</example>
internal static class EventsReport
{
    public static void Run(string articles, string output)
    {
        var engine = new StoryEngine();
        var count = 0;
        using var writer = new StreamWriter(output, append: false, new UTF8Encoding(false));
        foreach (var input in LiveNews.Stories.Tests.CorpusReader.Read(articles))
        {
            foreach (var evt in engine.Process(input))
            {
                var facts = string.Join(" | ", evt.NewFacts.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Score:R} {f.Text}")));
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{evt.Kind}\t{evt.StoryId}\t{evt.ArticleId}\t{evt.Sequence}\t{evt.Headline}\t{string.Join(",", evt.Absorbed)}\t{facts}"));
                count++;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} events, {engine.StoryCount} stories written to {output}"));
    }
}
