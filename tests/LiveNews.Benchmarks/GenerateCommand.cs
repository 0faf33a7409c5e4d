using System.Globalization;
using LiveNews.Tests.Shared;

namespace LiveNews.Benchmarks;

/// <summary>
/// Writes a generated article stream (article JSONL) and its gold labels (articleId, story) for replay:
/// <c>generate VERSIONS STORIES SEED OUTPUT.jsonl</c> also writes OUTPUT.labels.tsv.
/// </summary>
internal static class GenerateCommand
{
    public static void Run(string[] args)
    {
        if (args.Length < 4)
        {
            Console.Error.WriteLine("usage: generate VERSIONS STORIES SEED OUTPUT.jsonl");
            return;
        }

        var versions = int.Parse(args[0], CultureInfo.InvariantCulture);
        var stories = int.Parse(args[1], CultureInfo.InvariantCulture);
        var seed = int.Parse(args[2], CultureInfo.InvariantCulture);
        var output = args[3];
        var labels = Path.ChangeExtension(output, null) + ".labels.tsv";
        using var lines = new StreamWriter(output);
        using var gold = new StreamWriter(labels);
        gold.WriteLine("articleId\tstory");
        var labelled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in new ArticleStreamGenerator(seed).Generate(versions, stories))
        {
            lines.WriteLine(article.ToJsonLine());
            if (labelled.Add(article.Id))
            {
                gold.WriteLine($"{article.Id}\t{article.Story}");
            }

            if (article.SecondStory is { } second && labelled.Add(article.Id + "#1"))
            {
                gold.WriteLine($"{article.Id}#1\t{second}");
            }
        }

        Console.Error.WriteLine($"generate: {versions} versions of {stories} stories (seed {seed}) in {output}, labels in {labels}");
    }
}
