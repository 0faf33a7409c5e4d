namespace LiveNews.Server.Probe;

/// <summary>
/// <c>probe URL</c>: exits 0 when the URL answers 2xx within 5 seconds, 1 otherwise. The container image
/// has no curl; Docker health checks run this instead (<c>dotnet LiveNews.Server.dll probe http://localhost:8080/readyz</c>).
/// </summary>
public static class ProbeCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stderr)
    {
        if (args.Length != 1 || !Uri.TryCreate(args[0], UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            await stderr.WriteLineAsync("usage: LiveNews.Server probe http://host:port/path");
            return 2;
        }

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await client.GetAsync(url);
            if (response.IsSuccessStatusCode)
            {
                return 0;
            }

            await stderr.WriteLineAsync($"{url}: HTTP {(int)response.StatusCode}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            await stderr.WriteLineAsync($"{url}: {ex.Message}");
        }

        return 1;
    }
}
