using LiveNews.Text.Sentences;

namespace LiveNews.Text.Tests.Sentences;

public class SentenceSplitterTests
{
    [Fact]
    public void Split_KeepsTitlesAndInitialsInsideSentences()
    {
        var sentences = SentenceSplitter.Split(
            "\"We heard each other,\" Sergey V. Lavrov, Russia's foreign minister, said. Mr. Rubio agreed. Sen. Smith and Gen. Jones did not.");
        Assert.Equal(
            ["\"We heard each other,\" Sergey V. Lavrov, Russia's foreign minister, said.", "Mr. Rubio agreed.", "Sen. Smith and Gen. Jones did not."],
            sentences);
    }

    [Fact]
    public void Split_DoesNotBreakAcronymsOrDecimals()
    {
        var sentences = SentenceSplitter.Split("U.S. officials said growth was 2.5 percent. The U.S. Senate met at 3 p.m. on Friday.");
        Assert.Equal(["U.S. officials said growth was 2.5 percent.", "The U.S. Senate met at 3 p.m. on Friday."], sentences);
    }

    [Fact]
    public void Split_BreaksAfterAcronymWhenANewSentenceStarts()
    {
        var sentences = SentenceSplitter.Split("The delegation flew to the U.S. The talks begin Monday.");
        Assert.Equal(["The delegation flew to the U.S.", "The talks begin Monday."], sentences);
    }

    [Fact]
    public void Split_EndsSentenceAfterClosingQuote()
    {
        var sentences = SentenceSplitter.Split("He called it \"positive, upbeat, constructive.\" Talks ended. Did they? Yes!");
        Assert.Equal(["He called it \"positive, upbeat, constructive.\"", "Talks ended.", "Did they?", "Yes!"], sentences);
    }

    [Fact]
    public void Split_LineBreaksEndSentences()
    {
        Assert.Equal(["Headline without a period", "Body starts here."], SentenceSplitter.Split("Headline without a period\nBody starts here."));
    }
}
