using System.Collections.Concurrent;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace LiveNews.Streaming.Redis.Tests;

public interface IRecordingConsumerGrain : IGrainWithStringKey;

/// <summary>An implicit subscriber of the "recorded" namespace: writes what it gets where the test can read it.</summary>
[ImplicitStreamSubscription(RecordingConsumerGrain.Namespace)]
public sealed class RecordingConsumerGrain : Grain, IRecordingConsumerGrain, IStreamSubscriptionObserver
{
    public const string Namespace = "recorded";

    private static readonly ConcurrentDictionary<string, ConcurrentQueue<int>> Received = new(StringComparer.Ordinal);

    public static ConcurrentQueue<int> For(string key) => Received.GetOrAdd(key, _ => new ConcurrentQueue<int>());

    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        var key = this.GetPrimaryKeyString();
        return handleFactory.Create<int>().ResumeAsync((value, _) =>
        {
            For(key).Enqueue(value);
            return Task.CompletedTask;
        });
    }
}
