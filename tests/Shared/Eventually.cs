namespace LiveNews.Tests.Shared;

/// <summary>
/// Waits for a condition that something asynchronous (a grain timer, a stream, another process) will
/// make true: reads again every 20 ms until it holds, and throws <see cref="TimeoutException"/> when it
/// has not within the timeout. A wait for an outcome, never a sleep for a clock.
/// </summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout ?? DefaultTimeout);
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            try
            {
                await Task.Delay(20, cts.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"timed out after {timeout ?? DefaultTimeout} waiting for {what}");
            }
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        ValueAsync(() => Task.FromResult(condition()), holds => holds, what, timeout, cancellationToken);
}
