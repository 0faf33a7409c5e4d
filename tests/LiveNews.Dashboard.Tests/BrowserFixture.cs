using Microsoft.Playwright;

namespace LiveNews.Dashboard.Tests;

/// <summary>
/// Debian's Chromium, driven headless by Playwright (never `playwright install`). When the browser is
/// not installed the browser tests are skipped with that reason; CI installs it (.ci/run).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>The browser, or a skip when Chromium is not installed here.</summary>
    public IBrowser Require()
    {
        Assert.SkipWhen(Browser is null, $"Chromium is not installed at {ChromiumPath} (apt-get install chromium)");
        return Browser!;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
