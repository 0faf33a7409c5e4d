using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using LiveNews.Benchmarks;

// dotnet run -c Release --project tests/LiveNews.Benchmarks -- engine | matching | memory [stories] | throughput [stories] [versions] | quality [Option=Value ...] | generate VERSIONS STORIES SEED OUTPUT.jsonl
var what = args.Length > 0 ? args[0] : "engine";
if (what == "generate")
{
    GenerateCommand.Run([.. args.Skip(1)]);
    return;
}

if (what == "quality")
{
    QualityReport.Run(args.Skip(1));
    return;
}

if (what == "throughput")
{
    ThroughputReport.Run(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000);
    return;
}

if (what == "memory")
{
    MemoryReport.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000);
    return;
}

// One core: the engine is single-threaded, and the claim is per core.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithAffinity(1).WithWarmupCount(2).WithIterationCount(8));
var type = what == "matching" ? typeof(MatchingBenchmarks) : typeof(EngineBenchmarks);
BenchmarkRunner.Run(type, config, args.Skip(1).ToArray());
