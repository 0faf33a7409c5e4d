using LiveNews.Text.Entities;

namespace LiveNews.Text.Tests.Entities;

public class EntityKeysTests
{
    [Theory]
    [InlineData("Zelensky", "Zelenskyy")]
    [InlineData("Volodymyr Zelensky", "Volodymyr Zelenskyy")]
    [InlineData("Sergey Lavrov", "Sergei Lavrov")]
    [InlineData("Sergey V Lavrov", "Sergei Lavrov")]
    [InlineData("Mike Waltz", "Michael Waltz")]
    [InlineData("Musaad al-Aiban", "Musaed al-Aiban")]
    [InlineData("United States", "US")]
    [InlineData("Kyiv", "Kiev")]
    public void ForName_GivesSpellingVariantsOneKey(string a, string b)
    {
        Assert.Equal(EntityKeys.ForName(a), EntityKeys.ForName(b));
    }

    [Theory]
    [InlineData("Putin", "Trump")]
    [InlineData("Rubio", "Riyadh")]
    [InlineData("Iran", "Iraq")]
    public void ForName_KeepsDifferentNamesApart(string a, string b)
    {
        Assert.NotEqual(EntityKeys.ForName(a), EntityKeys.ForName(b));
    }

    [Fact]
    public void Shared_GivesOneNameAndKeyForAStringOrItsCharacters()
    {
        var name = "Sergey " + "Lavrov";
        var fromString = EntityKeys.Shared(name);
        var fromChars = EntityKeys.Shared(name.ToCharArray().AsSpan());

        Assert.Equal(EntityKeys.ForName("Sergei Lavrov"), fromString.Key);
        Assert.Same(fromString.Name, fromChars.Name);
        Assert.Same(fromString.Key, fromChars.Key);

        // A name first seen as characters becomes a string once, then is shared.
        var unseen = "Qzxv" + Guid.NewGuid().ToString("N")[..6] + " Wplo";
        var first = EntityKeys.Shared(unseen.AsSpan());
        Assert.Equal(unseen, first.Name);
        Assert.Same(first.Name, EntityKeys.Shared(unseen).Name);
    }
}
