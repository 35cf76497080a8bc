using Routing.Tests.Infrastructure;

namespace Routing.Tests.WebConsole;

/// One host (on the standard rules and a SQLite store of its own) for every browser story of a
/// class, as its class fixture: for stories that each make the items and keys they look at
/// (products and key names are unique) and change nothing the others read (rules, calendars).
public sealed class StoryHost : IAsyncLifetime
{
    readonly TestStore store = TestStore.Sqlite();

    public HostProcess Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = new HostProcess(store);
        await Host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await store.DisposeAsync();
    }
}
