using System.Net;
using System.Text.Json.Nodes;
using Routing.Engine.History;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Deployment;

/// Two hosts on one PostgreSQL behind a load balancer (YARP, round robin, probing /health/ready),
/// set up as docs/deploy.md says: the README's intake walkthrough through the balancer alone.
/// No timing is asserted (the RealTime collection holds those): each step waits for what a user sees.
public sealed class TwoHostsBehindProxyTests
{
    [Fact]
    public async Task The_intake_walkthrough_works_through_a_balancer_in_front_of_two_hosts()
    {
        await using var proxy = await ReverseProxy.StartAsync();
        await using var store = TestStore.Postgres();
        var keyRing = Directory.CreateTempSubdirectory("routing-keyring-").FullName;
        // Two machines: each its own home (where ASP.NET Core keeps a key ring by default).
        Dictionary<string, string> Machine() => new()
        {
            ["HOME"] = Directory.CreateTempSubdirectory("routing-home-").FullName,
            ["Routing__PublicUrl"] = proxy.Address.ToString().TrimEnd('/'),
            ["Routing__Proxy__KnownProxies__0"] = "127.0.0.1",
            ["Routing__DataProtection__KeysFolder"] = keyRing,
        };
        var (machineA, machineB) = (Machine(), Machine());
        await using var a = new HostProcess(store, extra: machineA);
        await using var b = new HostProcess(store, extra: machineB);
        // Both at once on a new database, as a deployment starts them: one migrates, seeds the rules and the admin key.
        await Task.WhenAll(a.StartAsync(), b.StartAsync());
        proxy.RouteTo(new Dictionary<string, Uri> { ["a"] = a.Address, ["b"] = b.Address });
        string Outputs() => $"host a:\n{a.Output}\nhost b:\n{b.Output}";

        // The balancer sends traffic to both once each says it is ready.
        using var anonymous = proxy.Client(key: null);
        var ready = new HashSet<string>();
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await anonymous.GetAsync("/health/ready");
            if (response.StatusCode == HttpStatusCode.OK) ready.Add(ReverseProxy.HostOf(response));
            return ready.SetEquals(["a", "b"]);
        }, TimeSpan.FromSeconds(60), "both hosts answer /health/ready 200 through the balancer", () => Task.FromResult(Outputs()));

        using var admin = proxy.Client(RoutingApplication.AdminKey);
        using var csm = proxy.Client(await admin.CreateKeyAsync("csm"));
        using var rndHead = proxy.Client(await admin.CreateKeyAsync("department-head", "rnd"));

        // Submit the README's pattern: P1, to manufacturing and R&D.
        var submitted = await csm.PostReportAsync(ReadmeReport.Body(), "winter-hx200-2026");
        var receiptText = await submitted.Content.ReadAsStringAsync();
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, receiptText);
        var receipt = JsonNode.Parse(receiptText)!.AsObject();
        Assert.Equal(["manufacturing", "rnd"], receipt.Departments());
        Assert.All(receipt.WorkItems(), item => Assert.Equal("P1", (string)item["priority"]!));
        // The same request again, whichever host takes it, is the first answer.
        var again = await csm.PostReportAsync(ReadmeReport.Body(), "winter-hx200-2026");
        Assert.Equal((string)receipt["reportId"]!, (string)JsonNode.Parse(await again.Content.ReadAsStringAsync())!["reportId"]!);

        // Read it back, with why each item was routed; R&D's inbox lists it; R&D acknowledges it.
        var report = await csm.GetJsonAsync($"/api/reports/{receipt["reportId"]}");
        Assert.Equal(2, report["workItems"]!.AsArray().Count);
        var rndItem = (string)receipt.Item("rnd")["id"]!;
        var inbox = await rndHead.GetJsonAsync("/api/departments/rnd/work-items?pageSize=200");
        Assert.Contains(rndItem, inbox["items"]!.AsArray().Select(i => (string)i!["id"]!));
        Assert.Equal("Acknowledged", (await rndHead.DoAsync(rndItem, "acknowledge")).State());
        Assert.Contains(HistoryKinds.Acknowledged, (await rndHead.TimelineAsync(rndItem)).Kinds());

        // An admin publishes new routing through the balancer; every host routes with it, each by itself.
        var version = await admin.DraftAsync(Rulesets.SupplyToRnd());
        await admin.PublishAsync(version);
        var routedByNew = new HashSet<string>();
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await csm.PostReportAsync(Reports.Valid("supply"));
            var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            if ((int)answer["rulesetVersion"]! == version && answer.Departments().SequenceEqual(["rnd"])) routedByNew.Add(ReverseProxy.HostOf(response));
            return routedByNew.SetEquals(["a", "b"]);
        }, TimeSpan.FromSeconds(60), $"both hosts route a supply report to R&D with v{version}", () => Task.FromResult(Outputs()));

        // The hosts see the client behind the balancer (Routing:Proxy): a bad key is recorded with the client's address.
        using var stranger = proxy.Client("rk_not-a-real-key", from: "127.0.0.2");
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/departments")).StatusCode);
        Assert.Contains("127.0.0.2", await admin.GetStringAsync($"/api/history?kind={HistoryKinds.AuthenticationFailed}&limit=1000"));

        // A console form drawn by one host and posted to the other (one key ring, Routing:DataProtection).
        using var browser = proxy.Client(key: null, followRedirects: false);
        HttpResponseMessage form, signIn;
        var tries = 0;
        do
        {
            form = await browser.GetAsync("/console/sign-in");
            signIn = await browser.PostAsync("/console/sign-in", ConsoleBrowser.Form(await form.Content.ReadAsStringAsync(), new() { ["key"] = RoutingApplication.AdminKey, ["ReturnUrl"] = "" }));
        } while (ReverseProxy.HostOf(form) == ReverseProxy.HostOf(signIn) && ++tries < 10);
        Assert.NotEqual(ReverseProxy.HostOf(form), ReverseProxy.HostOf(signIn));
        Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, $"{(int)signIn.StatusCode}: {await signIn.Content.ReadAsStringAsync()}");
        Assert.Equal("/console", signIn.Headers.Location?.OriginalString);

        Assert.Contains("a", proxy.Served);
        Assert.Contains("b", proxy.Served);
        Assert.True((bool)(await admin.GetJsonAsync("/api/history/verify"))["ok"]!);
        foreach (var folder in new[] { keyRing, machineA["HOME"], machineB["HOME"] }) Directory.Delete(folder, recursive: true);
    }
}
