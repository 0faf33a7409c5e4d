using LiveNews.Feeds.Fetching;

namespace LiveNews.Feeds.Polling;

/// <summary>
/// Remembers a feed's permanent redirects (301, 308): the new address replaces the old one only after
/// it was seen on <see cref="Confirmations"/> polls in a row, so one misconfigured answer moves nothing.
/// Plain data: persisted with the feed reader's state.
/// </summary>
public sealed class PermanentRedirects
{
    public const int Confirmations = 3;

    public string? Target { get; set; }

    public int Sightings { get; set; }

    /// <summary>Takes in a fetch; returns the feed's new address once the redirect is confirmed, else null.</summary>
    public string? Observe(FetchResult fetch)
    {
        if (fetch.PermanentRedirect is not { } target)
        {
            Target = null;
            Sightings = 0;
            return null;
        }

        Sightings = Target == target.ToString() ? Sightings + 1 : 1;
        Target = target.ToString();
        if (Sightings < Confirmations)
        {
            return null;
        }

        var confirmed = Target;
        Target = null;
        Sightings = 0;
        return confirmed;
    }
}
