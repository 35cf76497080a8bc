using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Workflows;

/// Logistics and triage (its escalation contact) with webhooks signed with `whsec_` secrets,
/// acknowledgement windows of 10 seconds, and a clock that starts at real time (less `Behind`).
public class StandardWebhookFixture(TestStore store) : RoutingFixture(store)
{
    public static readonly string Current = NewSecret();

    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public WebhookReceiver Receiver { get; private set; } = null!;
    /// A second endpoint, for a webhook moved elsewhere.
    public WebhookReceiver Other { get; private set; } = null!;

    /// How far behind real time the clock starts.
    protected virtual TimeSpan Behind => TimeSpan.Zero;

    public override async Task InitializeAsync()
    {
        Clock.SetUtcNow(DateTimeOffset.UtcNow - Behind);
        Receiver = await WebhookReceiver.StartAsync();
        Receiver.Secrets.Insert(0, Current);
        Other = await WebhookReceiver.StartAsync();
        var departments = TestRules.Part(Path.Combine(TestRules.Standard, "departments.json"));
        foreach (var d in departments.Where(d => (string)d!["id"]! is "logistics" or "triage"))
            d!["webhook"] = new JsonObject { ["url"] = Receiver.Url, ["secret"] = Current };
        RulesFolder = ShortSlaRules.Create(TimeSpan.FromSeconds(10), departments.ToJsonString());
        // With a slash at the end, as people type it: the links must not double it.
        ExtraSettings["Routing:PublicUrl"] = "https://routing.example.com/";
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
        await Other.DisposeAsync();
        Directory.Delete(RulesFolder!, recursive: true);
    }
}

public sealed class SqliteStandardWebhookFixture() : StandardWebhookFixture(TestStore.Sqlite());

public sealed class PostgresStandardWebhookFixture() : StandardWebhookFixture(TestStore.Postgres());
