using Microsoft.Playwright;

namespace Ledger.Console.BrowserTests.Support;

/// <summary>Debian's chromium, headless, driven by Playwright (which would otherwise download a browser of its own; that fails here).</summary>
public static class Chromium
{
    /// <summary>The browser: LEDGER_CHROMIUM when set, else Debian's.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("LEDGER_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>
    /// Launches it with the flags known to work on this machine. Playwright gives each launch a
    /// fresh profile folder of its own (it refuses a --user-data-dir argument) and removes it on close.
    /// </summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => LaunchAsync(playwright, []);

    /// <summary>As <see cref="LaunchAsync(IPlaywright)"/>, with the test's own flags added (a fake camera, for instance).</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, IEnumerable<string> extraArgs)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        ArgumentNullException.ThrowIfNull(extraArgs);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", .. extraArgs,
            ],
        });
    }
}
