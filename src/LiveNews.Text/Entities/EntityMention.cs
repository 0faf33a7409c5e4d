namespace LiveNews.Text.Entities;

/// <summary>A named entity found in a text: its surface name and its alias key (a value: a sentence's mentions sit in one list).</summary>
/// <param name="Name">The name as written, without titles (e.g. "Sergei Lavrov").</param>
/// <param name="Key">The alias key: spelling variants of one name share it (see <see cref="EntityKeys"/>).</param>
/// <param name="TokenCount">How many words the name has.</param>
public readonly record struct EntityMention(string Name, string Key, int TokenCount);
