using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Routing.Tests.WebConsole;

/// Debian's Chromium (headless), driven by Playwright, lent to one browser story at a time and
/// kept for the next: starting Playwright's driver and a browser cost each story a second or two.
/// A story's pages open in contexts of their own (cookies, storage, time zone), closed when it
/// ends, so what a story sees is as fresh as with a browser of its own. Lent to one story at a
/// time because Playwright objects are not to be shared between threads; with xUnit running two
/// classes side by side, two browsers are made at most.
public static class Chromiums
{
    const string Chromium = "/usr/bin/chromium";
    static readonly ConcurrentBag<Lent> idle = [];

    public sealed record Lent(IPlaywright Playwright, IBrowser Browser);

    static Chromiums() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        while (idle.TryTake(out var lent)) Close(lent);
    };

    public static async Task<Lent> BorrowAsync()
    {
        while (idle.TryTake(out var lent))
        {
            if (lent.Browser.IsConnected) return lent;
            Close(lent);
        }
        var playwright = await Playwright.CreateAsync();
        // Playwright drives the system's Chromium; it never downloads a browser of its own.
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        return new Lent(playwright, browser);
    }

    /// Closes the story's contexts (and with them its pages) and keeps the browser for the next.
    public static async Task ReturnAsync(Lent lent)
    {
        foreach (var context in lent.Browser.Contexts.ToList()) await context.CloseAsync();
        if (lent.Browser.IsConnected) idle.Add(lent);
        else Close(lent);
    }

    static void Close(Lent lent)
    {
        try
        {
            lent.Browser.CloseAsync().Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // Gone already: the driver's exit takes it along.
        }
        lent.Playwright.Dispose();
    }
}
