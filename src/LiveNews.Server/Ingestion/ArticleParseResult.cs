using LiveNews.Abstractions.Contracts;

namespace LiveNews.Server.Ingestion;

/// <summary>One input line (or array element): the article it holds, or why it could not be read.</summary>
public sealed record ArticleParseResult(long Line, ArticleVersion? Article, string? Reason)
{
    public bool IsValid => Article is not null;
}
