using System.Text.Json.Nodes;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Intake;

/// The shipped rules: one test per row of the routing policy.
public abstract class RoutingPolicyTests(RoutingFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task Quality_defect_routes_to_manufacturing_only()
    {
        var receipt = await client.SubmitAsync(Reports.Valid("quality"));
        Assert.Equal(["manufacturing"], receipt.Departments());
        Assert.Equal(["QualityDefectToManufacturing"], receipt.Item("manufacturing")["matchedRules"].Strings());
    }

    [Fact]
    public async Task Supply_problem_routes_to_logistics()
    {
        var receipt = await client.SubmitAsync(Reports.Valid("supply"));
        Assert.Equal(["logistics"], receipt.Departments());
    }

    [Fact]
    public async Task Design_flaw_routes_to_rnd()
    {
        var receipt = await client.SubmitAsync(Reports.Valid("design"));
        Assert.Equal(["rnd"], receipt.Departments());
    }

    [Fact]
    public async Task Quality_defect_among_visually_impaired_users_also_routes_to_rnd()
    {
        var receipt = await client.SubmitAsync(Reports.Valid("quality").With("segment.accessibility", "visually impaired"));
        Assert.Equal(["manufacturing", "rnd"], receipt.Departments());
        Assert.Equal(["DesignMustFitTheAffectedGroup"], receipt.Item("rnd")["matchedRules"].Strings());
    }

    [Fact]
    public async Task Design_flaw_for_an_age_group_is_one_rnd_item_naming_both_rules()
    {
        var receipt = await client.SubmitAsync(Reports.Valid("design").With("segment.ageGroup", "70+"));
        Assert.Equal(["rnd"], receipt.Departments());
        Assert.Equal(["DesignFlawToRnd", "DesignMustFitTheAffectedGroup"], receipt.Item("rnd")["matchedRules"].Strings());
    }

    [Fact]
    public async Task Seasonal_quality_defect_routes_to_manufacturing_and_rnd()
    {
        var receipt = await client.SubmitAsync(Reports.Valid("quality")
            .With("segment.region", "Michigan").With("segment.months", new JsonArray(11, 12, 1, 2, 3, 4, 5)));
        Assert.Equal(["manufacturing", "rnd"], receipt.Departments());
        Assert.Equal(["SeasonalQualityDefectToRnd"], receipt.Item("rnd")["matchedRules"].Strings());
    }

    [Theory]
    [InlineData("marketing")]
    [InlineData("sales-conduct")]
    public async Task Advertising_and_sales_conduct_route_to_marketing(string category)
    {
        var receipt = await client.SubmitAsync(Reports.Valid(category));
        Assert.Equal(["marketing"], receipt.Departments());
    }

    [Theory]
    [InlineData("pricing")]
    [InlineData("policy")]
    public async Task Price_and_policy_route_to_strategy(string category)
    {
        var receipt = await client.SubmitAsync(Reports.Valid(category));
        Assert.Equal(["strategy"], receipt.Departments());
    }

    [Theory]
    [InlineData("Acme Parts Ltd")]
    [InlineData("acme-parts")]
    public async Task Listed_vendor_gets_its_own_item_beside_the_category_route(string vendor)
    {
        var receipt = await client.SubmitAsync(Reports.Valid("quality").With("vendor", vendor));
        Assert.Equal(["acme-parts", "manufacturing"], receipt.Departments());
        Assert.Equal(["ThirdPartyToVendor"], receipt.Item("acme-parts")["matchedRules"].Strings());
    }

    [Fact]
    public async Task Unlisted_vendor_goes_to_vendor_management()
    {
        var receipt = await client.SubmitAsync(Reports.Valid("supply").With("vendor", "Unknown Widgets GmbH"));
        Assert.Equal(["logistics", "vendors"], receipt.Departments());
    }

    [Fact]
    public async Task Third_party_problem_without_a_vendor_goes_to_vendor_management()
    {
        var receipt = await client.SubmitAsync(Reports.Valid("third-party"));
        Assert.Equal(["vendors"], receipt.Departments());
    }

    [Fact]
    public async Task Other_category_goes_to_triage()
    {
        var receipt = await client.SubmitAsync(Reports.Valid("other"));
        Assert.Equal(["triage"], receipt.Departments());
        Assert.Equal(["OtherToTriage"], receipt.Item("triage")["matchedRules"].Strings());
    }
}

public sealed class RoutingPolicyOnSqlite(SqliteFixture fixture) : RoutingPolicyTests(fixture), IClassFixture<SqliteFixture>;

public sealed class RoutingPolicyOnPostgres(PostgresFixture fixture) : RoutingPolicyTests(fixture), IClassFixture<PostgresFixture>;
