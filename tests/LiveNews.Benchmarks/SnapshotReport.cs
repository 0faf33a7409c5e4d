using System.IO.Compression;
using System.Text.Json;
using LiveNews.Stories.Engine;

namespace LiveNews.Benchmarks;

/// <summary>
/// How big an index snapshot is and what it is made of: the engine runs over an article stream (such
/// as a generated one), then its matcher's snapshot is serialised as an index shard stores it (JSON, then
/// Brotli) and measured part by part.
/// </summary>
/// <example>dotnet run -c Release --project tests/LiveNews.Benchmarks -- snapshot ARTICLES.jsonl</example>
internal static class SnapshotReport
{
    public static void Run(string articles)
    {
        var engine = new StoryEngine();
        foreach (var input in LiveNews.Stories.Tests.CorpusReader.Read(articles))
        {
            engine.Process(input);
        }

        var snapshot = engine.Matcher.Capture().ToSnapshot();
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General);
        void Size(string name, object value)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(value, options);
            Console.WriteLine($"{name,-20} json {json.Length / 1024.0,10:F0} KiB  fastest {Compress(json, CompressionLevel.Fastest) / 1024.0,8:F0} KiB  optimal {Compress(json, CompressionLevel.Optimal) / 1024.0,8:F0} KiB");
        }

        Console.WriteLine($"stories {snapshot.Stories.Count}, terms {snapshot.DocumentFrequency.Count}, articles {snapshot.StoryOfArticle.Count}");
        var whole = Compress(JsonSerializer.SerializeToUtf8Bytes(snapshot, options), CompressionLevel.Fastest);
        Console.WriteLine($"stored (fastest Brotli): {whole / 1024.0 / Math.Max(1, snapshot.Stories.Count):F2} KiB a story");
        Size("all", snapshot);
        Size("df", snapshot.DocumentFrequency);
        Size("df>1", snapshot.DocumentFrequency.Where(kv => kv.Value > 1).ToDictionary());
        Size("stories", snapshot.Stories);
        Size("centroids", snapshot.Stories.Select(s => s.Centroid).ToList());
        Size("entities", snapshot.Stories.Select(s => s.Entities).ToList());
        Size("articles", snapshot.StoryOfArticle);
    }

    private static long Compress(byte[] json, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, level, leaveOpen: true))
        {
            brotli.Write(json);
        }

        return output.Length;
    }
}
