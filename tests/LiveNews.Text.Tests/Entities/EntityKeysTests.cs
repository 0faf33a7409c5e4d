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
}
