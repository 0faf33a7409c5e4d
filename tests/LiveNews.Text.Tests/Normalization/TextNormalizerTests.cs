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
}
