using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Intake;

/// Bad reports get ProblemDetails naming each bad field, and change nothing.
public abstract class ValidationTests(RoutingFixture fixture)
{
    readonly HttpClient client = fixture.Client;
    const string Missing = "<missing>";

    [Theory]
    [InlineData("title", Missing)]
    [InlineData("title", "\"  \"")]
    [InlineData("product", Missing)]
    [InlineData("category", Missing)]
    [InlineData("category", "\"weather\"")]
    [InlineData("reportCount", Missing)]
    [InlineData("reportCount", "0")]
    [InlineData("severity", Missing)]
    [InlineData("severity", "\"urgent\"")]
    [InlineData("evidence", Missing)]
    [InlineData("evidence", "[]")]
    [InlineData("evidence", "[\"\"]")]
    [InlineData("verifiedBy", Missing)]
    [InlineData("verifiedAt", Missing)]
    [InlineData("verifiedAt", "\"2026-12-01T00:00:00Z\"")]
    [InlineData("verifiedAt", "\"1999-12-31T23:59:59Z\"")]
    [InlineData("verifiedAt", "\"0001-01-01T00:00:00Z\"")]
    [InlineData("unitsSold", "-1")]
    [InlineData("segment.months", "[0, 13]")]
    public async Task Invalid_value_is_422_naming_the_field(string field, string json)
    {
        var report = json == Missing ? Reports.Valid().Without(field) : Reports.Valid().With(field, JsonNode.Parse(json));
        var problem = await ExpectProblemAsync(report.ToJsonString(), HttpStatusCode.UnprocessableEntity);
        Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task Affected_units_above_units_sold_is_422()
    {
        var report = Reports.Valid().With("unitsSold", 10).With("affectedUnits", 11);
        var problem = await ExpectProblemAsync(report.ToJsonString(), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("must not exceed unitsSold", problem["errors"]!["affectedUnits"]![0]!.ToString());
    }

    [Fact]
    public async Task Every_bad_field_is_named_at_once()
    {
        var report = Reports.Valid().Without("title").With("severity", "urgent").With("reportCount", 0);
        var problem = await ExpectProblemAsync(report.ToJsonString(), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["reportCount", "severity", "title"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
    }

    [Theory]
    [InlineData("reportCount", "\"many\"")]
    [InlineData("unitsSold", "1e40")]
    [InlineData("evidence", "\"ticket-1\"")]
    [InlineData("segment", "[1]")]
    [InlineData("verifiedAt", "\"last tuesday\"")]
    public async Task Wrong_type_is_400_naming_the_field(string field, string json)
    {
        var report = Reports.Valid().With(field, JsonNode.Parse(json));
        var problem = await ExpectProblemAsync(report.ToJsonString(), HttpStatusCode.BadRequest);
        Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Theory]
    [InlineData("severty")]
    [InlineData("segment.monthz")]
    public async Task Unknown_field_is_400_naming_it(string field)
    {
        var report = Reports.Valid().With(field, "high");
        var problem = await ExpectProblemAsync(report.ToJsonString(), HttpStatusCode.BadRequest);
        Assert.Equal(["is not a known field."], problem["errors"]![field]!.AsArray().Select(m => (string)m!));
    }

    [Theory]
    [InlineData("{\"title\": \"cut off")]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("")]
    public async Task Malformed_body_is_400(string body)
    {
        var problem = await ExpectProblemAsync(body, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]);
    }

    [Fact]
    public async Task Body_over_256_KiB_is_413()
    {
        var report = Reports.Valid().With("description", new string('x', 300 * 1024));
        await ExpectProblemAsync(report.ToJsonString(), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Body_that_is_not_json_is_415()
    {
        var response = await client.PostRawReportAsync(Reports.Valid().ToJsonString(), contentType: "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    async Task<JsonObject> ExpectProblemAsync(string body, HttpStatusCode status)
    {
        var before = await fixture.WithStoreAsync(async db => (await db.Reports.CountAsync(), await db.History.CountAsync()));
        var response = await client.PostRawReportAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var after = await fixture.WithStoreAsync(async db => (await db.Reports.CountAsync(), await db.History.CountAsync()));
        Assert.Equal(before, after);
        return JsonNode.Parse(text)!.AsObject();
    }
}

public sealed class ValidationOnSqlite(SqliteFixture fixture) : ValidationTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ValidationOnPostgres(PostgresFixture fixture) : ValidationTests(fixture), IClassFixture<PostgresFixture>;
