using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using LiveNews.Benchmarks;
using LiveNews.Text.Memory;

// dotnet run -c Release --project tests/LiveNews.Benchmarks -- engine | matching | memory [stories | ARTICLES.jsonl] | throughput [stories] [versions] [allocations] [collections] [hugepages=off|advise|collapse] [cold] | quality [ARTICLES.jsonl LABELS.tsv ...] [orders=N] [short=F [cuts=N]] [Option=Value ...] | events ARTICLES.jsonl OUTPUT.txt | snapshot ARTICLES.jsonl | generate VERSIONS STORIES SEED OUTPUT.jsonl
var what = args.Length > 0 ? args[0] : "engine";
if (what == "generate")
{
    GenerateCommand.Run([.. args.Skip(1)]);
    return;
}

if (what == "snapshot")
{
    SnapshotReport.Run(args[1]);
    return;
}

if (what == "events")
{
    EventsReport.Run(args[1], args[2]);
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
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000,
        args.Contains("allocations"),
        args.Contains("collections"),
        args.FirstOrDefault(a => a.StartsWith("hugepages=", StringComparison.Ordinal)) is { } pages
            ? Enum.Parse<HugePageMode>(pages["hugepages=".Length..], ignoreCase: true)
            : HugePageMode.Off,
        warmUp: !args.Contains("cold"));
    return;
}

if (what == "memory")
{
    if (args.Length > 1 && args[1].EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
    {
        MemoryReport.RunStream(args[1]);
    }
    else
    {
        MemoryReport.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000);
    }

    return;
}

// One core: the engine is single-threaded, and the claim is per core. On one busy core the framework's
// precompiled (ReadyToRun) code is not recompiled at tier 1 for minutes, so the measurement would be of
// start-up code rather than of a running server: the job JIT-compiles everything (tiered, with PGO), as
// a long-running process ends up doing (throughput report, one core: 919 us per version with ReadyToRun
// code, 495 us without).
var job = Job.Default.WithAffinity(1).WithWarmupCount(6).WithIterationCount(8)
    .WithEnvironmentVariables(new EnvironmentVariable("DOTNET_ReadyToRun", "0"));
var type = what == "matching" ? typeof(MatchingBenchmarks) : typeof(EngineBenchmarks);

// The engine changes as it runs (more stories, more facts): each iteration is one fixed batch of the
// stream, so every run measures the same versions in the same order, whatever BenchmarkDotNet's pilot
// would have chosen.
if (type == typeof(EngineBenchmarks))
{
    job = job.WithInvocationCount(1).WithUnrollFactor(1);
}

// The machine is shared: the fastest and the middle iteration say more about the code than the mean does.
var config = DefaultConfig.Instance.AddJob(job).AddColumn(StatisticColumn.Min, StatisticColumn.Median);
BenchmarkRunner.Run(type, config, args.Skip(1).ToArray());
