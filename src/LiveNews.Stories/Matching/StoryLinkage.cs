namespace LiveNews.Stories.Matching;

/// <summary>How an article's similarity to a story is taken from the story's summed member vectors.</summary>
public enum StoryLinkage
{
    /// <summary>
    /// The mean of the article's cosines with each member (average linkage): the summed members divided by
    /// their number. A story whose members say different things is as far from a newcomer as they are from
    /// each other, so a wrong early join does not pull the next articles of the other event in. Capped for
    /// large stories (<see cref="StoryEngineOptions.LinkageSlack"/>): a long developing story stays close
    /// to its centroid, or its later versions, telling later facts, would fall away from it.
    /// </summary>
    Average,

    /// <summary>
    /// The cosine with the members' sum (the centroid): the sum divided by its length. A mixed story's
    /// centroid is shorter than its member count, so mixing makes it look closer to everything.
    /// </summary>
    Centroid,
}
