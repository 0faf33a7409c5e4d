using LiveNews.Abstractions.Contracts;
using LiveNews.Stories.Analysis;

namespace LiveNews.Grains.Stories;

/// <summary>Maps the wire contract to the engine's input.</summary>
public static class ArticleInputMapper
{
    public static ArticleInput ToInput(ArticleVersion article) => new()
    {
        Id = article.Id,
        Source = article.Source,
        Url = article.Url,
        Title = article.Title,
        Published = article.Published ?? article.ReceivedAt ?? DateTimeOffset.UnixEpoch,
        Text = article.Text,
        Html = article.Html,
    };
}
