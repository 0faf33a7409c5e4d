namespace LiveNews.Stories.Matching;

/// <summary>
/// Where an article goes: the story it joins or opens, and the stories it showed to be one with it
/// (already folded into <see cref="StoryId"/> in the index; the story states must follow).
/// </summary>
public sealed record StoryDecision(string StoryId, bool Opens, double Score, int Candidates, IReadOnlyList<string> Absorbed);
