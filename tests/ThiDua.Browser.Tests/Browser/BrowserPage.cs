using System.Collections.Concurrent;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ThiDua.Browser.Tests.Browser;

/// <summary>A page in its own browser context, with what the browser complained about.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<string> _errors = new();

    private BrowserPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error") _errors.Enqueue($"console error: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => _errors.Enqueue($"page error: {error}");
        page.RequestFailed += (_, request) => _errors.Enqueue($"request failed: {request.Method} {request.Url} ({request.Failure})");
    }

    public IPage Page { get; }

    /// <summary>Console errors, uncaught page errors and failed requests so far.</summary>
    public IReadOnlyList<string> Errors => [.. _errors];

    public static async Task<BrowserPage> CreateAsync(IBrowserContext context) => new(context, await context.NewPageAsync());

    /// <summary>
    /// Opens the address and waits until the Blazor circuit is live: the layout root (main,
    /// presenter or print layout) says data-interactive="true". A click before that is silently lost.
    /// </summary>
    public async Task OpenAsync(string url)
    {
        await Page.GotoAsync(url);
        await WaitInteractiveAsync();
    }

    public async Task ReloadAsync()
    {
        await Page.ReloadAsync();
        await WaitInteractiveAsync();
    }

    private Task WaitInteractiveAsync() =>
        Expect(Page.Locator("[data-interactive=true]")).ToBeAttachedAsync(new() { Timeout = 15_000 });

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
