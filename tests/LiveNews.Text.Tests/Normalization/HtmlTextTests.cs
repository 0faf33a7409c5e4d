using LiveNews.Text.Normalization;

namespace LiveNews.Text.Tests.Normalization;

public class HtmlTextTests
{
    [Fact]
    public void ToText_DropsScriptsStylesAndChrome()
    {
        var html = "<html><head><title>x</title><style>p{}</style></head><body><nav>Home | World</nav>"
            + "<h1>Talks in Riyadh</h1><p>US and Russian officials met &amp; talked.</p><script>alert(1)</script>"
            + "<p>Second<br>line</p><footer>© 2025</footer></body></html>";
        var text = HtmlText.ToText(html);
        Assert.Equal("Talks in Riyadh\n\nUS and Russian officials met & talked.\n\nSecond\nline", text);
    }

    [Fact]
    public void ToText_DecodesEntities()
    {
        Assert.Equal("Zelenskyy's \"visit\" - postponed", HtmlText.ToText("<p>Zelenskyy&#8217;s &ldquo;visit&rdquo; &mdash; postponed</p>"));
    }

    [Fact]
    public void LooksLikeHtml_TellsMarkupFromProse()
    {
        Assert.True(HtmlText.LooksLikeHtml("<p>One</p><p>Two</p><div>x</div>"));
        Assert.False(HtmlText.LooksLikeHtml("If a < b and c > d, then nothing."));
    }
}
