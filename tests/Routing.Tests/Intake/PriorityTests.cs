using System.Xml;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Intake;

/// The priority bands: severity and failure rate set priority and SLA; critical also notifies sales.
public abstract class PriorityTests(RoutingFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    [Theory]
    [InlineData("critical", null, null, "P1", "PT4H", "P3D")]
    [InlineData("low", 1000, 100, "P1", "PT4H", "P3D")]
    [InlineData("high", null, null, "P2", "P1D", "P7D")]
    [InlineData("low", 1000, 50, "P2", "P1D", "P7D")]
    [InlineData("medium", null, null, "P3", "P2D", "P14D")]
    [InlineData("low", 1000, 49, "P4", "P5D", "P30D")]
    [InlineData("low", null, null, "P4", "P5D", "P30D")]
    public async Task Severity_and_failure_rate_set_priority_and_due_times(
        string severity, int? unitsSold, int? affectedUnits, string priority, string ackWithin, string resolveWithin)
    {
        var now = fixture.Clock.GetUtcNow();
        var receipt = await client.SubmitAsync(Reports.Valid("supply", severity)
            .With("unitsSold", unitsSold).With("affectedUnits", affectedUnits));

        var item = receipt.Item("logistics");
        Assert.Equal(priority, (string)item["priority"]!);
        Assert.Equal(now + XmlConvert.ToTimeSpan(ackWithin), DateTimeOffset.Parse((string)item["ackDueAt"]!));
        Assert.Equal(now + XmlConvert.ToTimeSpan(resolveWithin), DateTimeOffset.Parse((string)item["resolveDueAt"]!));
    }

    [Fact]
    public async Task Critical_severity_notifies_sales()
    {
        var receipt = await client.SubmitAsync(Reports.Valid("quality", "critical"));
        Assert.Equal(["sales"], receipt["notify"].Strings());
    }

    [Fact]
    public async Task High_failure_rate_without_critical_severity_does_not_notify_sales()
    {
        var receipt = await client.SubmitAsync(Reports.Valid("quality", "medium").With("unitsSold", 100).With("affectedUnits", 50));
        Assert.Equal("P1", (string)receipt.Item("manufacturing")["priority"]!);
        Assert.Empty(receipt["notify"]!.AsArray());
    }

    [Fact]
    public async Task Every_item_of_a_report_gets_the_same_band()
    {
        var receipt = await client.SubmitAsync(Reports.Valid("quality", "high").With("vendor", "acme-parts"));
        Assert.All(receipt.WorkItems(), i => Assert.Equal("P2", (string)i["priority"]!));
    }
}

public sealed class PriorityOnSqlite(SqliteFixture fixture) : PriorityTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PriorityOnPostgres(PostgresFixture fixture) : PriorityTests(fixture), IClassFixture<PostgresFixture>;
