using LiveNews.Server.FeedCheck;
using LiveNews.Server.Hosting;
using LiveNews.Server.Replay;

if (args.Length > 0 && args[0] == "replay")
{
    return await ReplayCommand.RunAsync(args[1..], Console.Out, Console.Error);
}

if (args.Length > 0 && args[0] == "probe")
{
    return await LiveNews.Server.Probe.ProbeCommand.RunAsync(args[1..], Console.Error);
}

if (args.Length > 0 && args[0] == "feed-check")
{
    return await FeedCheckCommand.RunAsync(args[1..], Console.Out);
}

await using var app = LiveNewsApp.Build(args);
await app.RunAsync();
return 0;
