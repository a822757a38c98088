using System.Globalization;
using Microsoft.Playwright;

namespace Ledger.Console.BrowserTests.Support;

/// <summary>
/// One officer's browser (its own context: cookies, antiforgery) on one authority's console,
/// saving a numbered screenshot of every page it is asked to under
/// <see cref="ConsoleFixture.ScreenshotFolder"/>/&lt;test&gt;/.
/// </summary>
public sealed class ConsoleSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly string _folder;
    private int _shots;

    private ConsoleSession(IBrowserContext context, IPage page, Uri console, string folder)
    {
        _context = context;
        Page = page;
        Console = console;
        _folder = folder;
    }

    /// <summary>The open tab.</summary>
    public IPage Page { get; }

    /// <summary>The console's root address.</summary>
    public Uri Console { get; }

    /// <summary>Opens a fresh context on <paramref name="console"/>, a phone-sized viewport when asked.</summary>
    public static Task<ConsoleSession> OpenAsync(IBrowser browser, Uri console, string test, bool phone = false) =>
        OpenAsync(browser, console, test, _ => { }, phone);

    /// <summary>Opens a fresh context on <paramref name="console"/> with options of the test's own (TLS, client certificates).</summary>
    public static async Task<ConsoleSession> OpenAsync(IBrowser browser, Uri console, string test, Action<BrowserNewContextOptions> configure, bool phone = false)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new BrowserNewContextOptions
        {
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1200, Height = 900 },
        };
        configure(options);
        var context = await browser.NewContextAsync(options);
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var folder = Path.Combine(ConsoleFixture.ScreenshotFolder, test);
        Directory.CreateDirectory(folder);
        return new ConsoleSession(context, page, console, folder);
    }

    /// <summary>Goes to <paramref name="pathAndQuery"/> below the console's root.</summary>
    public Task<IResponse?> GoAsync(string pathAndQuery) => Page.GotoAsync(new Uri(Console, pathAndQuery).ToString());

    /// <summary>Picks <paramref name="identity"/> on the devnet identity page, as an officer would.</summary>
    public async Task SignInAsync(string identity)
    {
        await GoAsync("/identity");
        await Page.GetByLabel(identity + ":", new PageGetByLabelOptions { Exact = false }).CheckAsync();
        await ShotAsync("identity");
        await Page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Use this identity" }).ClickAsync();
        await Page.WaitForURLAsync(new Uri(Console, "/").ToString());
    }

    /// <summary>
    /// Checks the page's accessibility basics, then saves a full-page screenshot named
    /// <paramref name="name"/>, numbered in order.
    /// </summary>
    public async Task<string> ShotAsync(string name)
    {
        await AssertAccessibleBasicsAsync();
        var path = Path.Combine(_folder, $"{++_shots:00}-{name}.png".ToString(CultureInfo.InvariantCulture));
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>
    /// What every console page promises: a language, a viewport for phones, exactly one h1, a
    /// label for every visible form control, and no inline script or style (the CSP forbids them).
    /// </summary>
    private async Task AssertAccessibleBasicsAsync()
    {
        var problems = await Page.EvaluateAsync<string[]>("""
            () => {
              const problems = [];
              if (!document.documentElement.lang) problems.push('html has no lang');
              if (!document.querySelector('meta[name=viewport]')) problems.push('no viewport meta');
              const h1 = document.querySelectorAll('h1').length;
              if (h1 !== 1) problems.push(h1 + ' h1 elements');
              for (const control of document.querySelectorAll('input:not([type=hidden]), select, textarea'))
                if (control.labels.length === 0 && !control.getAttribute('aria-label')) problems.push('unlabelled ' + (control.name || control.id));
              for (const element of document.querySelectorAll('[style]')) problems.push('inline style on ' + element.tagName);
              for (const script of document.querySelectorAll('script:not([src])')) problems.push('inline script');
              return problems;
            }
            """);
        if (problems.Length > 0)
            throw new Xunit.Sdk.XunitException($"{Page.Url}: {string.Join("; ", problems)}");
    }

    /// <summary>The text of the element marked data-testid=<paramref name="id"/>.</summary>
    public Task<string> TextOfAsync(string id) => Page.Locator($"[data-testid={id}]").InnerTextAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
