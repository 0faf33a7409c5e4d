namespace LiveNews.Stories.Engine;

/// <summary>What an article version did to a story.</summary>
public enum StoryUpdateKind
{
    /// <summary>It opened the story.</summary>
    Created,

    /// <summary>It joined and brought new facts.</summary>
    Updated,

    /// <summary>It joined and brought nothing new.</summary>
    Attached,

    /// <summary>The story had this very version already.</summary>
    Duplicate,
}
