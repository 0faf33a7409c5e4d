using System.Text;
using LiveNews.Feeds.Parsing;

namespace LiveNews.Feeds.Tests.Parsing;

public class FeedParserTests
{
    private static FeedParseResult Parse(string text, string? contentType = null) => FeedParser.Parse(Encoding.UTF8.GetBytes(text), contentType);

    [Fact]
    public void Parse_Rss20_ReadsTheFieldsLiveNewsUses()
    {
        var result = Parse("""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel><title>Wire &amp; Co</title><link>https://wire.example/</link><ttl>15</ttl>
                <item>
                  <title>Talks in &lt;b&gt;Riyadh&lt;/b&gt;</title><link>https://wire.example/1</link>
                  <guid isPermaLink="false">wire-1</guid><pubDate>Tue, 18 Feb 2025 08:30:00 GMT</pubDate>
                  <description>Short</description><content:encoded><![CDATA[<p>Full <b>text</b></p>]]></content:encoded>
                  <dc:creator>Reporter</dc:creator>
                </item>
              </channel>
            </rss>
            """);
        Assert.True(result.Succeeded);
        Assert.False(result.Malformed);
        var feed = result.Feed!;
        Assert.Equal(FeedFormat.Rss, feed.Format);
        Assert.Equal("Wire & Co", feed.Title);
        Assert.Equal(15, feed.TimeToLiveMinutes);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal("wire-1", entry.Id);
        Assert.Equal("Talks in Riyadh", entry.Title);
        Assert.Equal("https://wire.example/1", entry.Link);
        Assert.Equal(new DateTimeOffset(2025, 2, 18, 8, 30, 0, TimeSpan.Zero), entry.Published);
        Assert.Equal("<p>Full <b>text</b></p>", entry.Content);
        Assert.Equal(["Reporter"], entry.Authors);
    }

    [Fact]
    public void Parse_Atom10_ReadsEntriesAndResolvesRelativeLinks()
    {
        var result = FeedParser.Parse(Encoding.UTF8.GetBytes("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title type="html">News &amp;lt;live&amp;gt;</title><id>urn:feed</id>
              <link rel="self" href="/atom.xml"/><link rel="alternate" type="text/html" href="/"/>
              <entry><id>urn:e1</id><title>Quake</title><link href="/q/1"/><published>2025-02-18T08:30:00+01:00</published>
                <updated>2025-02-18T09:00:00Z</updated><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Body</p></div></content></entry>
            </feed>
            """), "application/atom+xml", "https://news.example/feeds/main");
        var feed = result.Feed!;
        Assert.Equal(FeedFormat.Atom10, feed.Format);
        Assert.Equal("News <live>", feed.Title);
        Assert.Equal("https://news.example/", feed.Link);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal("https://news.example/q/1", entry.Link);
        Assert.Equal(new DateTimeOffset(2025, 2, 18, 7, 30, 0, TimeSpan.Zero), entry.Published);
        Assert.Equal("<p>Body</p>", entry.Content);
    }

    [Fact]
    public void Parse_JsonFeed11()
    {
        var feed = Parse("""{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","url":"https://j.example/1","title":"T","content_html":"<p>x</p>","date_published":"2025-02-18T08:30:00Z","authors":[{"name":"A"}]}]}""").Feed!;
        Assert.Equal(FeedFormat.JsonFeed, feed.Format);
        Assert.Equal("1.1", feed.Version);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal(("1", "https://j.example/1", "<p>x</p>"), (entry.Id, entry.Link, entry.Content));
        Assert.Equal(["A"], entry.Authors);
    }

    [Fact]
    public void Parse_BillionLaughs_NeverExpands()
    {
        var bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY lol \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            bomb.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10)).Replace("&lol0;", "&lol;", StringComparison.Ordinal)}\">");
        }

        bomb.Append("]><rss version=\"2.0\"><channel><title>&lol9;</title><item><title>x</title></item></channel></rss>");
        var result = Parse(bomb.ToString());
        Assert.True(result.Feed is null || (result.Feed.Title ?? "").Length < 100);
        Assert.True(result.Malformed);
    }

    [Fact]
    public void Parse_UndefinedEntitiesAndBareAmpersands_AreRepaired()
    {
        var result = Parse("<rss version=\"2.0\"><channel><title>Caf&eacute; &nbsp;R&D &amp; more</title><item><title>A & B</title><link>http://x.example/?a=1&b=2</link></item></channel></rss>");
        Assert.True(result.Succeeded);
        Assert.True(result.Malformed);
        Assert.Equal("Café R&D & more", result.Feed!.Title);
        Assert.Equal("A & B", result.Feed.Entries[0].Title);
        Assert.Equal("http://x.example/?a=1&b=2", result.Feed.Entries[0].Link);
    }

    [Fact]
    public void Parse_Charset_HeaderThenPrologThenSniff()
    {
        var latin1 = Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><rss version=\"2.0\"><channel><title>Café</title></channel></rss>");
        Assert.Equal("Café", FeedParser.Parse(latin1).Feed!.Title);

        // A wrong prolog over UTF-8 bytes: UTF-8 wins.
        var utf8 = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss version=\"2.0\"><channel><title>Euro €</title></channel></rss>");
        Assert.Equal("Euro €", FeedParser.Parse(utf8).Feed!.Title);

        // The HTTP charset names the encoding when the document does not.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var koi8 = Encoding.GetEncoding("koi8-r").GetBytes("<rss version=\"2.0\"><channel><title>Пример</title></channel></rss>");
        Assert.Equal("Пример", FeedParser.Parse(koi8, "application/rss+xml; charset=KOI8-R").Feed!.Title);
    }

    [Theory]
    [InlineData("", "the document is empty")]
    [InlineData("<html><body>Not found</body></html>", "not a feed: the root element is <html>")]
    [InlineData("{\"hello\":1}", "not a JSON Feed")]
    [InlineData("<rss><channel><title>cut", "could not repair it")]
    public void Parse_NotAFeed_FailsWithAReason(string text, string reason)
    {
        var result = Parse(text);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, p => p.Contains(reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Tue, 18 Feb 2025 08:30:00 GMT", "2025-02-18T08:30:00Z")]
    [InlineData("18 Feb 2025 08:30 EST", "2025-02-18T13:30:00Z")]
    [InlineData("Tue, 18 Feb 2025 08:30:00 +0100", "2025-02-18T07:30:00Z")]
    [InlineData("2025-02-18T08:30:00.123Z", "2025-02-18T08:30:00.123Z")]
    [InlineData("2025-02-18", "2025-02-18T00:00:00Z")]
    public void Dates_ReadCommonForms(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FeedDates.Parse(text));
    }

    [Fact]
    public void Dates_RejectNonsense()
    {
        Assert.Null(FeedDates.Parse("yesterday-ish"));
    }
}
