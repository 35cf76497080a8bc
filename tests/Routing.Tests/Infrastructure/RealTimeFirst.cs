using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("Routing.Tests.Infrastructure.RealTimeFirst", "Routing.Tests")]

namespace Routing.Tests.Infrastructure;

/// The real-time collection starts first. Its classes run one after another, which makes it the
/// longest thing in a run (about as long as all the rest on the other core); started after other
/// collections, as xUnit's own order had it, the run waited for it that much longer. The rest keep
/// xUnit's order.
public sealed class RealTimeFirst : ITestCollectionOrderer
{
    readonly DefaultTestCollectionOrderer order = new();

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        order.OrderTestCollections(testCollections).OrderBy(c => c.DisplayName == RealTime.Name ? 0 : 1);
}
