using System.Text.Json.Nodes;
using Routing.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Routing.Tests.Contract;

/// The integrator's contract (issue 20), tried with tools nobody here wrote: the host's own
/// OpenAPI document is linted by Spectral (`spectral:oas`: no error, no warning), a client is
/// generated from it (openapi-typescript + openapi-fetch) and compiles the README's walkthrough
/// without a cast (tsc, strict), and the walkthrough runs against the live host with every
/// answer checked against the document. So the test fails when the document and the server
/// drift apart: at compile time when a type is missing or wrong, at run time when an answer is not
/// what the document says. Once, not per storage provider: it is about the HTTP contract.
/// The tools are pinned in tests/contract/package-lock.json and installed by ./test.sh.
[Collection(RealTime.Name)] // tsc and Spectral take a whole core for seconds
public sealed class ContractTests(ContractRun run, ITestOutputHelper output) : IClassFixture<ContractRun>
{
    [Fact]
    public async Task Spectral_finds_no_error_and_no_warning_in_the_OpenAPI_document()
    {
        var lint = await RanAsync(run.LintAsync);
        Assert.True(lint.ExitCode == 0, $"Spectral (spectral:oas, failing on warnings) found problems in /openapi/v1.json:\n{lint}");
    }

    [Fact]
    public async Task A_client_generated_from_the_document_compiles_the_README_walkthrough_without_a_cast()
    {
        var casts = await RanAsync(run.CastsAsync);
        Assert.True(casts.ExitCode == 0, $"The walkthrough must compile from the document's types alone:\n{casts}");
        var compiled = await RanAsync(run.CompileAsync);
        Assert.True(compiled.ExitCode == 0, $"tsc (strict) fails on the walkthrough with the client generated from /openapi/v1.json:\n{compiled}");
    }

    [Fact]
    public async Task The_README_walkthrough_runs_against_a_live_host_and_every_answer_is_as_the_document_says()
    {
        var walked = await RanAsync(run.WalkAsync);
        Assert.True(walked.ExitCode == 0, $"The walkthrough failed against the live host:\n{walked}");
        Assert.Contains("each as the OpenAPI document says", walked.Output);
    }

    [Fact]
    public async Task The_walkthrough_fails_when_an_answer_is_not_what_the_document_says()
    {
        await RanAsync(run.WalkAsync);
        // A document drifted both ways: a report's receipt promises `drift`, which the server never
        // sends, and a new key's answer no longer lists `key`, which the server still sends. (On
        // the host the first walk used, this walk stops at its second report, a recurrence; the
        // keys and the receipt come before.)
        var document = JsonNode.Parse(run.DocumentText)!;
        var receipt = SchemaOf(document, "/api/reports", "post", "201");
        (receipt["required"] ??= new JsonArray()).AsArray().Add("drift");
        var key = SchemaOf(document, "/api/keys", "post", "201");
        Assert.True(key["properties"]!.AsObject().Remove("key"), "the document lists a new key's key");
        key["required"]?.AsArray().Where(r => (string?)r == "key").ToList().ForEach(r => key["required"]!.AsArray().Remove(r));
        var drifted = Path.Combine(run.Folder, "openapi-drifted.json");
        await File.WriteAllTextAsync(drifted, document.ToJsonString());

        var walked = await RanAsync(() => run.WalkAsync(drifted));
        Assert.True(walked.ExitCode != 0, $"The walkthrough passed against a document that no longer says what the server answers:\n{walked}");
        Assert.Contains("POST /api/reports answered 201: the body does not match the document's schema", walked.Output);
        Assert.Contains("must have required property 'drift'", walked.Output);
        Assert.Contains("POST /api/keys answered 201: the body does not match the document's schema", walked.Output);
        Assert.Contains("{\"additionalProperty\":\"key\"}", walked.Output);
    }

    /// The JSON schema of an operation's answer, its $ref followed into components.
    static JsonNode SchemaOf(JsonNode document, string path, string method, string status)
    {
        var schema = document["paths"]![path]![method]!["responses"]![status]!["content"]!["application/json"]!["schema"]!;
        return schema["$ref"] is { } reference ? document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]! : schema;
    }

    async Task<NodeTools.Ran> RanAsync(Func<Task<NodeTools.Ran>> step)
    {
        if (run.Missing is not null) Assert.Fail(run.Missing);
        var ran = await step();
        output.WriteLine(ran.ToString());
        return ran;
    }
}
