namespace Routing.Tests.Infrastructure;

/// For tests of the real clock (Hangfire in real time): wait for what a user would see.
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, Func<Task<string>>? state = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Not within {timeout.TotalSeconds} s: {what}{(state is null ? "" : $" — {await state()}")}");
            await Task.Delay(100);
        }
    }
}
