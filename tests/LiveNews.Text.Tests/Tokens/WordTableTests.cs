using LiveNews.Text.Tokens;

namespace LiveNews.Text.Tests.Tokens;

public class WordTableTests
{
    [Fact]
    public void GetOrAdd_ReturnsTheSameFormsForTheSameWord()
    {
        var table = new WordTable(limit: 100);
        var made = 0;
        TokenForms Make(string word)
        {
            made++;
            return TokenForms.OfWord(word);
        }

        var first = table.GetOrAdd("Zelensky".AsSpan(), Make);
        var again = table.GetOrAdd("Zelensky postpones".AsSpan(0, 8), Make);

        Assert.Same(first, again);
        Assert.Equal("Zelensky", first.Text);
        Assert.Equal(1, made);
        Assert.Equal(1, table.Count);
    }

    [Theory]
    [InlineData("negotiation", "negotiations")]   // 11 and 12 characters: both held whole in the slot
    [InlineData("negotiations", "negotiationsx")]  // 12 and 13: the longer one keeps eleven and a mark
    [InlineData("internationalist", "internationalism")] // both long, differing past the slot
    [InlineData("ab", "ab\u0301")]                  // a combining mark makes another word
    [InlineData("Ukraine", "ukraine")]              // case is part of the surface form
    public void GetOrAdd_TellsApartWordsThatShareTheirStart(string one, string other)
    {
        var table = new WordTable(limit: 100);

        var a = table.GetOrAdd(one, TokenForms.OfWord);
        var b = table.GetOrAdd(other, TokenForms.OfWord);

        Assert.NotSame(a, b);
        Assert.Equal(one, a.Text);
        Assert.Equal(other, b.Text);
        Assert.Same(a, table.GetOrAdd(one, TokenForms.OfWord));
        Assert.Same(b, table.GetOrAdd(other, TokenForms.OfWord));
    }

    [Fact]
    public void GetOrAdd_KeepsEveryWordWhileGrowing()
    {
        var table = new WordTable(limit: 100_000);
        var words = Enumerable.Range(0, 5_000).Select(i => "word" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + new string('x', i % 20)).ToList();
        var forms = words.Select(w => table.GetOrAdd(w, TokenForms.OfWord)).ToList();

        for (var i = 0; i < words.Count; i++)
        {
            Assert.Same(forms[i], table.GetOrAdd(words[i], TokenForms.OfWord));
        }

        Assert.Equal(words.Count, table.Count);
    }

    [Fact]
    public void GetOrAdd_StartsAgainEmptyWhenFull()
    {
        var table = new WordTable(limit: 3);
        var first = table.GetOrAdd("one", TokenForms.OfWord);
        table.GetOrAdd("two", TokenForms.OfWord);
        table.GetOrAdd("three", TokenForms.OfWord);

        var fourth = table.GetOrAdd("four", TokenForms.OfWord);

        Assert.Equal(1, table.Count);
        Assert.Same(fourth, table.GetOrAdd("four", TokenForms.OfWord));
        Assert.NotSame(first, table.GetOrAdd("one", TokenForms.OfWord));
    }
}
