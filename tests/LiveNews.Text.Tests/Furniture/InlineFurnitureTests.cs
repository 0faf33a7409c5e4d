using LiveNews.Text.Furniture;

namespace LiveNews.Text.Tests.Furniture;

public class InlineFurnitureTests
{
    [Fact]
    public void Strip_RemovesAGluedPhotoCreditAndTimeStamp()
    {
        const string line = "After more than four hours of discussions in Saudi Arabia, both sides also agreed to work on normalizing bilateral relations and investments. "
            + "Credit Credit… Pool photo by Evelyn Hockstein Feb. 18, 2025 Updated 1:47 p.m. ET The United States and Russia moved toward a head-spinning reset.";
        var stripped = InlineFurniture.Strip(line);
        Assert.DoesNotContain("Credit", stripped, StringComparison.Ordinal);
        Assert.DoesNotContain("Hockstein", stripped, StringComparison.Ordinal);
        Assert.DoesNotContain("1:47", stripped, StringComparison.Ordinal);
        Assert.EndsWith("investments. The United States and Russia moved toward a head-spinning reset.", stripped, StringComparison.Ordinal);
    }

    [Fact]
    public void Strip_LeavesPlainSentencesAlone()
    {
        const string line = "The credit rating agency said on Tuesday that the photo was taken by a tourist.";
        Assert.Same(line, InlineFurniture.Strip(line));
    }
}
