using LiveNews.Text.Normalization;

namespace LiveNews.Text.Tests.Normalization;

public class TextNormalizerTests
{
    [Fact]
    public void Normalize_FoldsTypographicQuotesAndDashes()
    {
        var text = TextNormalizer.Normalize("“We weren’t just listening” — he said – 2016–2020");
        Assert.Equal("\"We weren't just listening\" - he said - 2016-2020", text);
    }

    [Fact]
    public void Normalize_KeepsParagraphsAndFoldsSpaces()
    {
        var text = TextNormalizer.Normalize("  First\u00A0 line\r\n\r\n\r\n\tSecond   line \u200B\n");
        Assert.Equal("First line\n\nSecond line", text);
    }

    [Fact]
    public void Normalize_AppliesCompatibilityForms()
    {
        Assert.Equal("fi 1/2 Ⅳ".Normalize(System.Text.NormalizationForm.FormKC), TextNormalizer.Normalize("ﬁ 1/2 Ⅳ"));
    }

    [Fact]
    public void Normalize_NullIsEmpty()
    {
        Assert.Equal("", TextNormalizer.Normalize(null));
    }

    [Fact]
    public void MapCharacter_TreatsAsciiAsItsCategorySays()
    {
        for (var c = '\0'; c < 0x80; c++)
        {
            var category = System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c);
            var expected = c switch
            {
                '\n' or '\r' => '\n',
                '\t' => ' ',
                '`' => '\'',
                _ when category == System.Globalization.UnicodeCategory.SpaceSeparator => ' ',
                _ when category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format => '\0',
                _ => c,
            };
            Assert.Equal(expected, TextNormalizer.MapCharacter(c));
        }
    }

    [Theory]
    [InlineData("plain ascii, no change", "plain ascii, no change")]
    [InlineData("  lead\r\n\r\n\r\npara\ttwo \u2014 \u201Cq\u201D\u00A0end\x01  ", "lead\n\npara two - \"q\" end")]
    [InlineData("one\nline\n", "one\nline")]
    public void Normalize_GivesTheSameTextFromAsciiAndUnicode(string raw, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(raw));

        // Longer than the stack buffer: the pooled one gives the same.
        var repeated = string.Concat(Enumerable.Repeat(raw + "\n\n", 200));
        Assert.Equal(string.Join("\n\n", Enumerable.Repeat(expected, 200)), TextNormalizer.Normalize(repeated));
    }
}
