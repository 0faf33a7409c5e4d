using LiveNews.Grains.Storage;
using Orleans.Storage;

namespace LiveNews.Grains.Tests.Storage;

public class LastWriterWinsTests
{
    [Fact]
    public async Task WriteAsync_OnAStaleEtag_ReadsTheStoredStateAndWritesAgain()
    {
        var state = new FakeState { RefuseNextWrite = true };

        await LastWriterWins.WriteAsync(state, s => s.Add("snapshot"), TestContext.Current.CancellationToken);

        // Filled, refused, read back (the stored state replaced the grain's), filled again, written.
        Assert.Equal(["write refused", "read", "written"], state.Calls);
        Assert.Equal(["stored", "snapshot"], state.Written);
    }

    [Fact]
    public async Task WriteAsync_WhenTheStorageFailsOtherwise_LetsTheFailureOut()
    {
        var state = new FakeState { FailNextWrite = true };

        await Assert.ThrowsAsync<TimeoutException>(() => LastWriterWins.WriteAsync(state, s => s.Add("snapshot"), TestContext.Current.CancellationToken));
        Assert.Equal(["write failed"], state.Calls);
    }

    private sealed class FakeState : IPersistentState<List<string>>
    {
        public List<string> State { get; set; } = [];

        public string? Etag { get; private set; } = "1";

        public bool RecordExists => true;

        public bool RefuseNextWrite { get; set; }

        public bool FailNextWrite { get; set; }

        public List<string> Calls { get; } = [];

        public List<string> Written { get; private set; } = [];

        public Task ClearStateAsync() => Task.CompletedTask;

        public Task ReadStateAsync()
        {
            Calls.Add("read");
            (State, Etag) = (["stored"], "2");
            return Task.CompletedTask;
        }

        public Task WriteStateAsync()
        {
            if (RefuseNextWrite)
            {
                RefuseNextWrite = false;
                Calls.Add("write refused");
                throw new InconsistentStateException("etag mismatch", "2", Etag!);
            }

            if (FailNextWrite)
            {
                FailNextWrite = false;
                Calls.Add("write failed");
                throw new TimeoutException("storage did not answer");
            }

            Calls.Add("written");
            Written = [.. State];
            return Task.CompletedTask;
        }
    }
}
