namespace LiveNews.Streaming.Redis.Tests;

public class RedisStreamEntryIdTests
{
    [Theory]
    [InlineData("1700000000000-0")]
    [InlineData("1700000000000-7")]
    [InlineData("0-1")]
    public void Parse_RoundTripsThroughTheSequenceNumber(string text)
    {
        var id = RedisStreamEntryId.Parse(text);
        Assert.Equal(text, id.ToString());
        Assert.Equal(id, RedisStreamEntryId.FromSequenceNumber(id.ToSequenceNumber()));
    }

    [Fact]
    public void SequenceNumbers_KeepTheOrderOfEntries()
    {
        var ids = new[] { "1700000000000-0", "1700000000000-1", "1700000000000-65535", "1700000000001-0", "1800000000000-3" }.Select(RedisStreamEntryId.Parse).ToList();
        var numbers = ids.Select(i => i.ToSequenceNumber()).ToList();
        Assert.Equal(numbers.Order(), numbers);
        Assert.Equal(ids.Order(), ids);
    }
}
