using System.Text.Json.Nodes;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Notifications;

/// A host that sends e-mail through the test SMTP server, with departments whose contacts are
/// addresses of this fixture's own: R&D subscribes to routed and escalated e-mails, marketing's
/// address is answered 451 (try later), strategy's 550 (no such mailbox); triage and sales get the
/// daily digest (sales never has items).
public abstract class EmailFixture(TestStore store) : RoutingFixture(store)
{
    public const string PublicUrl = "https://routing.example.test";

    public string Rnd { get; } = TestMailbox.NewAddress("rnd");
    public string Marketing { get; } = TestMailbox.NewAddress("tempfail");
    public string Strategy { get; } = TestMailbox.NewAddress("reject");
    public string Triage { get; } = TestMailbox.NewAddress("triage");
    public string Sales { get; } = TestMailbox.NewAddress("sales");

    public override Task InitializeAsync()
    {
        foreach (var (name, value) in TestMailbox.Settings()) ExtraSettings[name] = value;
        ExtraSettings["Routing:PublicUrl"] = PublicUrl;
        var folder = Directory.CreateTempSubdirectory("routing-email-rules-").FullName;
        foreach (var file in Directory.GetFiles(TestRules.Standard, "*.json")) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        var departments = TestRules.Part(Path.Combine(folder, "departments.json"));
        void Subscribe(string id, string contact, JsonObject email)
        {
            var department = departments.Single(d => (string)d!["id"]! == id)!;
            department["contact"] = contact;
            department["email"] = email;
        }
        Subscribe("rnd", Rnd, new() { ["events"] = new JsonArray("routed", "escalated") });
        Subscribe("marketing", Marketing, new() { ["events"] = new JsonArray("routed") });
        Subscribe("strategy", Strategy, new() { ["events"] = new JsonArray("routed") });
        Subscribe("triage", Triage, new() { ["digest"] = "daily" });
        Subscribe("sales", Sales, new() { ["digest"] = "daily" });
        File.WriteAllText(Path.Combine(folder, "departments.json"), departments.ToJsonString());
        RulesFolder = folder;
        return base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(RulesFolder!, recursive: true);
    }
}

public sealed class SqliteEmailFixture() : EmailFixture(TestStore.Sqlite());

public sealed class PostgresEmailFixture() : EmailFixture(TestStore.Postgres());
