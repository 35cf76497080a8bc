using Microsoft.Extensions.DependencyInjection;

namespace Routing.Engine.Store;

/// A read on a store connection of its own (a scope of its own), so independent reads can run at once.
internal static class OwnConnection
{
    public static async Task<T> ReadAsync<T>(this IServiceScopeFactory stores, Func<RoutingDb, Task<T>> read)
    {
        await using var scope = stores.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<RoutingDb>());
    }
}
