using System.IO.Compression;
using System.Text.Json;
using LiveNews.Stories.Engine;

namespace LiveNews.Benchmarks;

/// <summary>
/// How big an index snapshot is, how long it takes to make, and what it is made of: the engine runs
/// over an article stream (such as a generated one), then its matcher's snapshot is made as an index
/// shard stores it (binary, then Brotli), beside the JSON form stored before, measured part by part.
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

        var capture = engine.Matcher.Capture();
        var timer = System.Diagnostics.Stopwatch.StartNew();
        var snapshot = capture.ToSnapshot();
        var jsonBytes = JsonSerializer.SerializeToUtf8Bytes(snapshot);
        var jsonPacked = Compress(jsonBytes, CompressionLevel.Fastest);
        var jsonMs = timer.Elapsed.TotalMilliseconds;
        timer.Restart();
        var binary = capture.ToBinary();
        var binaryPacked = Compress(binary, CompressionLevel.Fastest);
        var binaryMs = timer.Elapsed.TotalMilliseconds;
        Console.WriteLine($"JSON (as stored before 2026-12-01): {jsonBytes.Length / 1024.0:F0} KiB, {jsonPacked / 1024.0:F0} KiB compressed, {jsonMs:F0} ms to make");
        Console.WriteLine($"binary (as stored now):            {binary.Length / 1024.0:F0} KiB, {binaryPacked / 1024.0:F0} KiB compressed, {binaryMs:F0} ms to make; "
            + $"{binaryPacked / 1024.0 / Math.Max(1, snapshot.Stories.Count):F2} KiB a story");
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General);
        void Size(string name, object value)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(value, options);
            Console.WriteLine($"{name,-20} json {json.Length / 1024.0,10:F0} KiB  fastest {Compress(json, CompressionLevel.Fastest) / 1024.0,8:F0} KiB  optimal {Compress(json, CompressionLevel.Optimal) / 1024.0,8:F0} KiB");
        }

        Console.WriteLine($"stories {snapshot.Stories.Count}, terms {snapshot.DocumentFrequency.Count}, articles {snapshot.StoryOfArticle.Count}");
        Size("all", snapshot);
        Size("df", snapshot.DocumentFrequency);
        Size("df>1", snapshot.DocumentFrequency.Where(kv => kv.Value > 1).ToDictionary());
        Size("stories", snapshot.Stories);
        Size("centroids", snapshot.Stories.Select(s => s.Centroid).ToList());
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
