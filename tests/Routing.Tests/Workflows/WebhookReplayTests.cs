using Routing.Tests.Infrastructure;
using StandardWebhooks.Diagnostics;

namespace Routing.Tests.Workflows;

/// A captured delivery sent again later is refused by a Standard Webhooks verifier: its
/// signature covers the attempt's time. The clock starts 10 minutes behind real time, so the
/// first attempt is, to the verifier, a delivery captured 10 minutes ago and replayed now.
public abstract class WebhookReplayTests(WebhookReplayFixture fixture)
{
    [Fact]
    public async Task A_replayed_delivery_is_refused_and_a_retry_of_the_same_event_verifies()
    {
        var client = fixture.Client;
        var id = (string)(await client.SubmitAsync(Reports.Valid("supply", "medium"))).Item("logistics")["id"]!;
        fixture.Receiver.Fail(id, times: 1);

        await fixture.AdvanceAsync(TimeSpan.Zero);
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(10));

        var attempts = fixture.Receiver.Attempts.Where(d => d.WorkItemId == id && d.Event == "routed").ToList();
        Assert.Equal([503, 200], attempts.Select(a => a.Status));
        var (captured, retry) = (attempts[0], attempts[1]);
        Assert.Equal(captured.EventId, retry.EventId);
        Assert.Equal(captured.Body, retry.Body);
        Assert.True(long.Parse(retry.Timestamp) - long.Parse(captured.Timestamp) >= 600);

        WebhookVerification.Verify(StandardWebhookFixture.Current, retry.Headers, retry.Body);
        var replayed = Assert.Throws<WebhookVerificationException>(
            () => WebhookVerification.Verify(StandardWebhookFixture.Current, captured.Headers, captured.Body));
        Assert.Contains("too old", replayed.Message);
        // Nor does a fresh timestamp on the captured signature pass.
        var restamped = new Dictionary<string, string>(captured.Headers) { ["webhook-timestamp"] = retry.Timestamp };
        var forged = Assert.Throws<WebhookVerificationException>(
            () => WebhookVerification.Verify(StandardWebhookFixture.Current, restamped, captured.Body));
        Assert.Contains("No matching signature", forged.Message);
    }
}

public class WebhookReplayFixture(TestStore store) : StandardWebhookFixture(store)
{
    protected override TimeSpan Behind => TimeSpan.FromMinutes(10);
}

public sealed class SqliteWebhookReplayFixture() : WebhookReplayFixture(TestStore.Sqlite());

public sealed class PostgresWebhookReplayFixture() : WebhookReplayFixture(TestStore.Postgres());

public sealed class WebhookReplayOnSqlite(SqliteWebhookReplayFixture fixture) : WebhookReplayTests(fixture), IClassFixture<SqliteWebhookReplayFixture>;

public sealed class WebhookReplayOnPostgres(PostgresWebhookReplayFixture fixture) : WebhookReplayTests(fixture), IClassFixture<PostgresWebhookReplayFixture>;
