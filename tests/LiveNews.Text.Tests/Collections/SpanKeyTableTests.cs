using System.Globalization;
using LiveNews.Text.Collections;
using LiveNews.Text.Tokens;

namespace LiveNews.Text.Tests.Collections;

public class SpanKeyTableTests
{
    [Fact]
    public void GetOrAdd_ReturnsTheSameValueForTheSameKey()
    {
        var table = new SpanKeyTable<TokenForms>();
        var made = 0;
        TokenForms Make(string word)
        {
            made++;
            return TokenForms.OfWord(word);
        }

        var first = table.GetOrAdd("Zelensky", Make);
        var again = table.GetOrAdd("Zelensky postpones".AsSpan(0, 8), Make);

        Assert.Same(first, again);
        Assert.Equal("Zelensky", first.Text);
        Assert.Equal(1, made);
        Assert.Equal(1, table.Count);
    }

    [Theory]
    [InlineData("negotiation", "negotiations")]          // 11 and 12 characters: both whole in the slot
    [InlineData("negotiations", "negotiationsx")]        // 12 and 13: the longer keeps eleven and a mark
    [InlineData("internationalist", "internationalism")] // both long, differing past the slot
    [InlineData("ab", "ab\u0301")]                       // a combining mark makes another key
    [InlineData("Ukraine", "ukraine")]                   // case is part of the key
    [InlineData("negotiation\uFFFF", "negotiationsx")]   // a key holding the mark is compared in full
    [InlineData("\0", "\0\0")]                           // as is one holding NUL (a whole one would look empty)
    public void GetOrAdd_TellsApartKeysThatShareTheirStart(string one, string other)
    {
        var table = new SpanKeyTable<TokenForms>();

        var a = table.GetOrAdd(one, TokenForms.OfWord);
        var b = table.GetOrAdd(other, TokenForms.OfWord);

        Assert.NotSame(a, b);
        Assert.Equal(one, a.Text);
        Assert.Equal(other, b.Text);
        Assert.Same(a, table.GetOrAdd(one, TokenForms.OfWord));
        Assert.Same(b, table.GetOrAdd(other, TokenForms.OfWord));
        Assert.Equal(2, table.Count);
    }

    [Fact]
    public void GetOrAdd_KeepsEveryKeyWhileGrowing()
    {
        var table = new SpanKeyTable<TokenForms>();
        var words = Enumerable.Range(0, 3_000).Select(i => "word" + i.ToString(CultureInfo.InvariantCulture) + new string('y', i % 15)).ToList();
        var forms = words.Select(w => table.GetOrAdd(w, TokenForms.OfWord)).ToList();

        Assert.Equal(words, forms.Select(f => f.Text));
        for (var i = 0; i < words.Count; i++)
        {
            Assert.Same(forms[i], table.GetOrAdd(words[i], TokenForms.OfWord));
        }

        Assert.Equal(words.Count, table.Count);
    }

    [Fact]
    public void GetValueRefOrAddDefault_KeepsEveryKeyWhileGrowing()
    {
        var table = new SpanKeyTable<int>();
        var keys = Enumerable.Range(0, 5_000).Select(i => "term" + i.ToString(CultureInfo.InvariantCulture) + new string('x', i % 20)).ToList();
        for (var i = 0; i < keys.Count; i++)
        {
            ref var value = ref table.GetValueRefOrAddDefault(keys[i], out var exists);
            Assert.False(exists);
            value = i + 1;
        }

        for (var i = 0; i < keys.Count; i++)
        {
            Assert.True(table.TryGetValue(keys[i], out var value));
            Assert.Equal(i + 1, value);
            table.GetValueRefOrAddDefault(keys[i], out var exists)++;
            Assert.True(exists);
        }

        Assert.Equal(keys.Count, table.Count);
        Assert.True(table.TryGetValue(keys[42], out var bumped));
        Assert.Equal(44, bumped);
        Assert.False(table.ContainsKey("term5000"));
        Assert.False(table.ContainsKey(""));
    }

    [Fact]
    public void LookupsWithPrefetchedHashes_FindWhatPlainLookupsAdded()
    {
        var table = new SpanKeyTable<int>();
        string[] keys = ["zelensky", "@sergei lavrov", "#2025", "postpon", "a-much-longer-term-than-twelve"];
        for (var i = 0; i < keys.Length; i++)
        {
            table.GetValueRefOrAddDefault(keys[i], out _) = i + 1;
        }

        var hashes = keys.Select(k => SpanKeyTable.HashOf(k)).ToArray();
        foreach (var hash in hashes)
        {
            table.Prefetch(hash);
        }

        for (var i = 0; i < keys.Length; i++)
        {
            Assert.Equal(i + 1, table.GetValueRefOrAddDefault(keys[i], hashes[i], out var exists));
            Assert.True(exists);
        }

        Assert.Equal(SpanKeyTable.HashOf("#2025"), SpanKeyTable.HashOf("#2025 and more".AsSpan(0, 5)));
        Assert.Equal(keys.Length, table.Count);
    }

    [Fact]
    public void Clear_ForgetsEveryKey()
    {
        var table = new SpanKeyTable<int>(capacity: 10);
        table.GetValueRefOrAddDefault("one", out _) = 1;
        table.GetValueRefOrAddDefault("a rather long key indeed", out _) = 2;

        table.Clear();

        Assert.Equal(0, table.Count);
        Assert.False(table.ContainsKey("one"));
        Assert.False(table.ContainsKey("a rather long key indeed"));
        Assert.False(table.GetValueRefOrAddDefault("one", out var exists) != 0 || exists);
    }

    [Fact]
    public void GetOrAdd_StartsAgainEmptyWhenANewKeyMeetsAFullTable()
    {
        var table = new SpanKeyTable<TokenForms>(limit: 3);
        var first = table.GetOrAdd("one", TokenForms.OfWord);
        table.GetOrAdd("two", TokenForms.OfWord);
        table.GetOrAdd("three", TokenForms.OfWord);

        Assert.Same(first, table.GetOrAdd("one", TokenForms.OfWord));
        var fourth = table.GetOrAdd("four", TokenForms.OfWord);

        Assert.Equal(1, table.Count);
        Assert.Same(fourth, table.GetOrAdd("four", TokenForms.OfWord));
        Assert.NotSame(first, table.GetOrAdd("one", TokenForms.OfWord));
    }

    [Fact]
    public void Keys_AreNeverEmpty()
    {
        var table = new SpanKeyTable<int>();

        Assert.Throws<ArgumentException>(() => table.GetValueRefOrAddDefault("", out _));
        Assert.Throws<ArgumentException>(() => table.GetOrAdd("", _ => 1));
    }
}
