using LiveNews.Text.Entities;
using LiveNews.Text.Tokens;

namespace LiveNews.Text.Tests.Entities;

public class EntityExtractorTests
{
    private static List<string> Names(string sentence) =>
        EntityExtractor.Extract(Tokenizer.Tokenize(sentence)).Select(e => e.Name).ToList();

    [Fact]
    public void Extract_IntoAList_AppendsWhatANewListGets()
    {
        var sentence = Tokenizer.Tokenize("Two officials, Prince Faisal bin Farhan and Musaed al-Aiban, met Sergey V. Lavrov.");
        var list = new List<EntityMention> { new("Earlier Name", "earlier name", 2) };

        EntityExtractor.Extract(sentence, null, list);

        Assert.Equal([new("Earlier Name", "earlier name", 2), .. EntityExtractor.Extract(sentence)], list);
        Assert.Equal(["Earlier Name", "Faisal bin Farhan", "Musaed al-Aiban", "Sergey V Lavrov"], list.Select(m => m.Name));
        Assert.Equal(3, list[1].TokenCount);
    }

    [Fact]
    public void Extract_CutsTitlesAway()
    {
        Assert.Equal(["Marco Rubio"], Names("After talks, Secretary of State Marco Rubio said both sides agreed."));
        Assert.Equal(["US", "Donald Trump", "Vladimir Putin"], Names("It could pave the way for US President Donald Trump and Vladimir Putin."));
    }

    [Fact]
    public void Extract_KeepsNameParticles()
    {
        Assert.Equal(["Faisal bin Farhan", "Musaed al-Aiban"], Names("Two officials, Prince Faisal bin Farhan and Musaed al-Aiban, were seated at the table."));
        Assert.Equal(["Mohammed bin Salman"], Names("The crown prince, Mohammed bin Salman, has been seeking a role."));
    }

    [Fact]
    public void Extract_BreaksNamesAtPunctuationAndPossessives()
    {
        Assert.Equal(["Keith Kellogg", "Trump", "Ukraine"], Names("It was led by Keith Kellogg, Trump's Ukraine envoy."));
        Assert.Equal(["Russia", "US"], Names("The talks on Russia-US ties went on."));
        Assert.Equal(["Sergey V Lavrov", "Russia"], Names("We heard each other, Sergey V. Lavrov, Russia's foreign minister, said."));
    }

    [Fact]
    public void Extract_IgnoresTitleCaseHeadlines()
    {
        var tokens = Tokenizer.Tokenize("Russia Pursue Partnership in a Head-Spinning Shift in Relations");
        Assert.Empty(EntityExtractor.Extract(tokens, new HashSet<string>()));
        Assert.Equal(["Russia"], EntityExtractor.Extract(tokens, new HashSet<string> { "russia" }).Select(e => e.Name));
    }

    [Fact]
    public void Extract_SkipsSentenceOpenersAndDates()
    {
        Assert.Equal(["Riyadh"], Names("The talks on Tuesday in Riyadh ended in February."));
    }
}
