using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Intake;

public abstract class IdempotencyTests(RoutingFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task Retry_with_the_same_key_and_body_returns_the_first_answer_and_stores_once()
    {
        var key = Guid.NewGuid().ToString();
        var report = Reports.Valid();

        var first = await client.PostReportAsync(report, key);
        var retry = await client.PostReportAsync(report, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        var firstBody = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        var retryBody = JsonNode.Parse(await retry.Content.ReadAsStringAsync())!;
        Assert.True(JsonNode.DeepEquals(firstBody, retryBody), $"{firstBody} != {retryBody}");
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        var product = (string)report["product"]!;
        Assert.Equal(1, await fixture.WithStoreAsync(db => db.Reports.CountAsync(r => r.Product == product)));
    }

    [Fact]
    public async Task Same_key_with_another_body_is_409_and_stores_nothing()
    {
        var key = Guid.NewGuid().ToString();
        await client.SubmitAsync(Reports.Valid());
        Assert.Equal(HttpStatusCode.Created, (await client.PostReportAsync(Reports.Valid(), key)).StatusCode);

        var other = Reports.Valid("supply");
        var response = await client.PostReportAsync(other, key);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var product = (string)other["product"]!;
        Assert.Equal(0, await fixture.WithStoreAsync(db => db.Reports.CountAsync(r => r.Product == product)));
    }

    [Fact]
    public async Task Storm_of_50_concurrent_posts_with_one_key_stores_one_report_and_gives_50_identical_answers()
    {
        var key = Guid.NewGuid().ToString();
        var report = Reports.Valid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.PostReportAsync(report, key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Select(b => JsonNode.Parse(b)!.ToJsonString()).Distinct());
        var product = (string)report["product"]!;
        Assert.Equal(1, await fixture.WithStoreAsync(db => db.Reports.CountAsync(r => r.Product == product)));
        Assert.Equal(1, await fixture.WithStoreAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == key)));
    }

    [Theory]
    [InlineData(201)]
    [InlineData(0)]
    public async Task A_key_that_is_not_1_to_200_printable_characters_is_400_and_stores_nothing(int length)
    {
        var report = Reports.Valid();

        var response = await client.PostReportAsync(report, length == 0 ? " " : new string('k', length));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal("must be 1 to 200 printable ASCII characters.", (string)errors["Idempotency-Key"]![0]!);
        var product = (string)report["product"]!;
        Assert.Equal(0, await fixture.WithStoreAsync(db => db.Reports.CountAsync(r => r.Product == product)));
        Assert.Equal(HttpStatusCode.Created, (await client.PostReportAsync(report, Guid.NewGuid().ToString("N").PadRight(200, 'k'))).StatusCode);
    }

    [Fact]
    public async Task A_key_kept_before_this_version_still_replays_its_first_answer()
    {
        // A row as it has always been written: the SHA-256 of the body's bytes, the 201 body in camelCase.
        var key = Guid.NewGuid().ToString();
        var body = Reports.Valid().ToJsonString();
        var reportId = Guid.NewGuid();
        var answer = $$"""{"reportId":"{{reportId}}","rulesetVersion":1,"workItems":[],"notify":["qa"]}""";
        await fixture.WithStoreAsync(async db =>
        {
            db.IdempotencyRecords.Add(new Routing.Engine.Intake.IdempotencyRecord
            {
                Key = key,
                RequestHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body))),
                ReportId = reportId,
                ResponseJson = answer,
                CreatedAt = RoutingFixture.Start,
            });
            return await db.SaveChangesAsync();
        });

        var retry = await client.PostRawReportAsync(body, key);
        var other = await client.PostRawReportAsync(body + " ", key);

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal($"/api/reports/{reportId}", retry.Headers.Location?.OriginalString);
        var replayed = JsonNode.Parse(await retry.Content.ReadAsStringAsync())!;
        Assert.Equal(reportId.ToString(), (string)replayed["reportId"]!);
        Assert.Equal("qa", (string)replayed["notify"]![0]!);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
    }

    [Fact]
    public async Task Different_keys_store_different_reports()
    {
        var report = Reports.Valid();
        var a = await client.PostReportAsync(report, Guid.NewGuid().ToString());
        var b = await client.PostReportAsync(report, Guid.NewGuid().ToString());
        Assert.NotEqual(a.Headers.Location, b.Headers.Location);
    }
}

public sealed class IdempotencyOnSqlite(SqliteFixture fixture) : IdempotencyTests(fixture), IClassFixture<SqliteFixture>;

public sealed class IdempotencyOnPostgres(PostgresFixture fixture) : IdempotencyTests(fixture), IClassFixture<PostgresFixture>;
