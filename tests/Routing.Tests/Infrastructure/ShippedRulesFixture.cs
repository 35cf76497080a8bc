namespace Routing.Tests.Infrastructure;

/// A store and host on the shipped rules as they are, each department on its own lifecycle
/// (corrective-action, supplier-corrective-action, standard), for tests of those lifecycles.
public sealed class ShippedRulesSqliteFixture : RoutingFixture
{
    public ShippedRulesSqliteFixture() : base(TestStore.Sqlite()) => RulesFolder = TestRules.Shipped;
}

public sealed class ShippedRulesPostgresFixture : RoutingFixture
{
    public ShippedRulesPostgresFixture() : base(TestStore.Postgres()) => RulesFolder = TestRules.Shipped;
}
