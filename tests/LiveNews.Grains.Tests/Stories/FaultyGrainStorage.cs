using Orleans.Storage;

namespace LiveNews.Grains.Tests.Stories;

/// <summary>
/// Grain storage that can lose the answer of one write of a given state (the write is stored, then the
/// caller sees it cancelled and keeps its old etag, as when a storage call is cut off after the store took
/// it) or fail writes of a given state (nothing stored, the caller sees the storage's exception).
/// Everything else goes to the storage it wraps.
/// </summary>
public sealed class FaultyGrainStorage(IGrainStorage inner) : IGrainStorage
{
    private readonly Lock _gate = new();
    private string? _armedFor;
    private int _writesToPass;
    private string? _failingFor;
    private int _failuresToPass;
    private int _writesToFail;

    /// <summary>Released once for each answered write of the state an answer is to be lost of.</summary>
    public SemaphoreSlim Answered { get; } = new(0);

    /// <summary>What happened, in order ("catalog: read", "catalog: written", "catalog: InconsistentStateException", "story: failed"), for tests to inspect.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Log { get; } = new();

    /// <summary>Completes once an answer has been lost.</summary>
    public TaskCompletionSource AnswerLost { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Loses the answer of a coming write of the state named <paramref name="stateName"/>: the first
    /// <paramref name="writesToPass"/> of them are answered, the one after is not.
    /// </summary>
    public void LoseAnswer(string stateName, int writesToPass)
    {
        lock (_gate)
        {
            (_armedFor, _writesToPass) = (stateName, writesToPass);
        }
    }

    /// <summary>Lets the next <paramref name="writesToPass"/> writes of <paramref name="stateName"/> through, then fails <paramref name="writesToFail"/>.</summary>
    public void FailWrites(string stateName, int writesToPass, int writesToFail)
    {
        lock (_gate)
        {
            (_failingFor, _failuresToPass, _writesToFail) = (stateName, writesToPass, writesToFail);
        }
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Log.Enqueue(stateName + ": read");
        return inner.ReadStateAsync(stateName, grainId, grainState);
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (_gate)
        {
            if (stateName == _failingFor && _failuresToPass-- <= 0 && _writesToFail > 0)
            {
                _writesToFail--;
                Log.Enqueue(stateName + ": failed");
                throw new IOException("the storage refused the write");
            }
        }

        var etag = grainState.ETag;
        try
        {
            await inner.WriteStateAsync(stateName, grainId, grainState);
        }
        catch (Exception ex)
        {
            Log.Enqueue(stateName + ": " + ex.GetType().Name);
            throw;
        }

        Log.Enqueue(stateName + ": written");
        lock (_gate)
        {
            if (stateName != _armedFor)
            {
                return;
            }

            if (_writesToPass-- > 0)
            {
                Answered.Release();
                return;
            }

            _armedFor = null;
        }

        grainState.ETag = etag;
        AnswerLost.TrySetResult();
        throw new OperationCanceledException("the storage's answer was lost");
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
