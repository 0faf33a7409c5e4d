namespace LiveNews.Text.Furniture;

/// <summary>Why a line of a page is not article text.</summary>
public enum FurnitureKind
{
    None,
    Advertisement,
    Paywall,
    Subscribe,
    About,
    LinkBlock,
    PhotoCredit,
    ContributedReporting,
    Byline,
    VideoTranscript,
    Social,
    Copyright,
    SourceTemplate,
}
