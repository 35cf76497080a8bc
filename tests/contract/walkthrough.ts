// The README's walkthrough, as an integrator writes it: a client generated from the OpenAPI
// document (openapi-typescript + openapi-fetch), no casts. tsc proves that the document types
// every request and answer the walkthrough uses; Conformance checks every answer the host gives
// against the same document. Run by tests/Routing.Tests/Contract/ContractTests.cs:
//   ROUTING_URL, ROUTING_ADMIN_KEY (an admin key), ROUTING_OPENAPI (the document's file),
//   ROUTING_SAMPLES (the repository's samples/ folder).
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import createClient from "openapi-fetch";
import type { paths } from "./schema.js";
import { Conformance } from "./conformance.js";

const baseUrl = setting("ROUTING_URL");
const conformance = new Conformance(setting("ROUTING_OPENAPI"));
// However the walkthrough ends, it lists the answers that differ from the document.
process.on("exit", () => {
  if (conformance.problems.length === 0) return;
  console.error(`${conformance.problems.length} differences from the OpenAPI document in ${conformance.answers} answers and ${conformance.deliveries} webhook deliveries:`);
  const times = new Map<string, number>();
  for (const problem of conformance.problems) times.set(problem, (times.get(problem) ?? 0) + 1);
  for (const [problem, count] of times) console.error(`  ${problem}${count > 1 ? ` (${count} times)` : ""}`);
  process.exitCode = 1;
});

function setting(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === "") throw new Error(`${name} is not set`);
  return value;
}

/** A client sending `key` as a bearer token (or no key at all). */
function clientFor(key: string | undefined) {
  const client = createClient<paths>({ baseUrl, headers: key === undefined ? {} : { Authorization: `Bearer ${key}` } });
  client.use(conformance.middleware);
  return client;
}

function check(condition: boolean, what: string): asserts condition {
  if (!condition) throw new Error(`walkthrough: ${what}`);
}

function step(what: string) {
  console.log(`- ${what}`);
}

type Answer<D, E> = { data: D; error?: never; response: Response } | { data?: never; error: E; response: Response };

/** The answer's body when it succeeded, else a failure naming what was asked and what came back. */
async function succeeded<D, E>(what: string, call: Promise<Answer<D, E>>): Promise<D> {
  const answer = await call;
  if (answer.error === undefined && answer.data !== undefined) return answer.data;
  throw new Error(`walkthrough: ${what}: ${answer.response.status} ${JSON.stringify(answer.error)}`);
}

/** The typed error body of an answer that must fail with `status`. */
async function failed<D, E>(what: string, status: number, call: Promise<Answer<D, E>>): Promise<E> {
  const answer = await call;
  check(answer.response.status === status, `${what}: expected ${status}, got ${answer.response.status} ${JSON.stringify(answer.data ?? answer.error)}`);
  if (answer.error !== undefined) return answer.error;
  throw new Error(`walkthrough: ${what}: ${status} without an error body`);
}

// Key names are unique on a host: a suffix lets a second run (the drift test's) make its own.
const run = Date.now().toString(36);
const names = { csm: `Ana (CSM) ${run}`, head: `Dana (R&D head) ${run}`, auditor: `Avery (auditor) ${run}` };
const admin = clientFor(setting("ROUTING_ADMIN_KEY"));
const anonymous = clientFor(undefined);

// Keys and roles: the admin hands out keys; each is shown once.
step("admin creates a CSM's, an R&D head's and an auditor's keys");
const csmKey = await succeeded("create the CSM's key", admin.POST("/api/keys", { body: { name: names.csm, role: "csm", departments: [] } }));
const headKey = await succeeded("create the head's key", admin.POST("/api/keys", { body: { name: names.head, role: "department-head", departments: ["rnd"] } }));
const auditorKey = await succeeded("create the auditor's key", admin.POST("/api/keys", { body: { name: names.auditor, role: "auditor", departments: [] } }));
check(csmKey.key.startsWith("rk_"), `a key starts with rk_: ${csmKey.key}`);
const csm = clientFor(csmKey.key);
const head = clientFor(headKey.key);
const auditor = clientFor(auditorKey.key);

const listed = await succeeded("list the keys", admin.GET("/api/keys"));
const dana = listed.find(k => k.id === headKey.id);
check(dana !== undefined && dana.role === "department-head" && dana.departments.includes("rnd"), `the head's key is listed with its role and department: ${JSON.stringify(dana)}`);
check(listed.every(k => !("key" in k)), "the key list shows no secrets");

step("no key is a 401, a known key with the wrong role a 403");
const noKey = await failed("list departments without a key", 401, anonymous.GET("/api/departments"));
check(noKey.status === 401, `the 401's ProblemDetails says 401: ${JSON.stringify(noKey)}`);
const wrongRole = await failed("a CSM creating a key", 403, csm.POST("/api/keys", { body: { name: `Mallory ${run}`, role: "admin", departments: [] } }));
check(wrongRole.status === 403, `the 403's ProblemDetails says 403: ${JSON.stringify(wrongRole)}`);

// Submit a verified pattern, as the README's first example does.
step("the CSM submits the README's report");
type NewReport = NonNullable<paths["/api/reports"]["post"]["requestBody"]>["content"]["application/json"];
const report: NewReport = {
  title: "Thermostat fails in cold months",
  product: "HX-200 heater",
  category: "quality",
  description: "Units stop heating below -10 C",
  unitsSold: 12000,
  affectedUnits: 1440,
  reportCount: 87,
  segment: { region: "Michigan", months: [11, 12, 1, 2, 3, 4, 5] },
  severity: "high",
  recommendation: "Winterize the control board",
  evidence: ["ticket-88121", "call-2231"],
  verifiedBy: "csm-team-lead",
  verifiedAt: "2026-11-20T10:00:00Z",
};
const idempotencyKey = `winter-hx200-${Date.now()}`;
const submit = () => csm.POST("/api/reports", { body: report, params: { header: { "Idempotency-Key": idempotencyKey } } });
const receipt = await succeeded("submit the report", submit());
check(receipt.rulesetVersion >= 1, `the receipt names the ruleset version: ${receipt.rulesetVersion}`);
const departments = receipt.workItems.map(w => w.department).sort();
check(departments.join() === "manufacturing,rnd", `a seasonal quality defect goes to manufacturing and R&D: ${departments.join()}`);
check(receipt.workItems.every(w => w.priority === "P1" && w.state === "Routed"), `a 12% failure rate makes both P1: ${JSON.stringify(receipt.workItems)}`);
const rndRoute = receipt.workItems.find(w => w.department === "rnd");
const manufacturingRoute = receipt.workItems.find(w => w.department === "manufacturing");
check(rndRoute !== undefined && manufacturingRoute !== undefined, "both items are in the receipt");
check(rndRoute.matchedRules.includes("SeasonalQualityDefectToRnd"), `R&D's item names its rule: ${rndRoute.matchedRules.join()}`);

step("the same request with the same Idempotency-Key returns the first answer; another body is a 409");
const again = await succeeded("submit the report again", submit());
check(again.reportId === receipt.reportId, `the retry answers the same report: ${again.reportId} vs ${receipt.reportId}`);
const reused = await failed("another report under the same Idempotency-Key", 409,
  csm.POST("/api/reports", { body: { ...report, reportCount: 88 }, params: { header: { "Idempotency-Key": idempotencyKey } } }));
check(reused.status === 409, `the 409's ProblemDetails says 409: ${JSON.stringify(reused)}`);

step("an invalid report is a 422 whose errors name the field; malformed JSON a 400");
const invalid = await failed("a report with no reports behind it", 422, csm.POST("/api/reports", { body: { ...report, reportCount: 0 } }));
check("errors" in invalid && invalid.errors?.["reportCount"] !== undefined, `the 422 names reportCount: ${JSON.stringify(invalid)}`);
const malformed = await failed("a report that is not JSON", 400, csm.POST("/api/reports", { body: report, bodySerializer: () => "{ \"title\": " }));
check(malformed.status === 400, `the 400's ProblemDetails says 400: ${JSON.stringify(malformed)}`);

// Read it back, with why each item was routed, and look at R&D's inbox.
step("the CSM reads the report back, with why each item was routed");
const stored = await succeeded("read the report", csm.GET("/api/reports/{id}", { params: { path: { id: receipt.reportId } } }));
check(stored.title === report.title && stored.severity === "high" && stored.category === "quality", `the report as submitted: ${stored.title}`);
check(stored.failureRate === 0.12, `the failure rate is derived: ${stored.failureRate}`);
const rndRouted = stored.workItems.find(w => w.workItem.department === "rnd");
check(rndRouted !== undefined && rndRouted.reasons.some(r => r.rule === "SeasonalQualityDefectToRnd" && r.expression.length > 0), `R&D's item says why: ${JSON.stringify(rndRouted?.reasons)}`);

const allDepartments = await succeeded("list the departments", csm.GET("/api/departments"));
check(allDepartments.some(d => d.id === "rnd" && d.kind === "internal"), `rnd is an internal department: ${JSON.stringify(allDepartments.map(d => d.id))}`);

step("the R&D head finds the item in the inbox and reads it");
const inbox = await succeeded("R&D's inbox", head.GET("/api/departments/{id}/work-items", { params: { path: { id: "rnd" } } }));
check(inbox.items.some(i => i.id === rndRoute.id), `R&D's inbox holds the item: ${inbox.items.map(i => i.id).join()}`);
let item = await succeeded("read the item", head.GET("/api/work-items/{id}", { params: { path: { id: rndRoute.id } } }));
check(item.state === "Routed" && item.allowedActions.includes("acknowledge"), `a routed item may be acknowledged: ${item.state} ${item.allowedActions.join()}`);
check(item.lifecycle.id === "corrective-action", `R&D runs corrective action: ${item.lifecycle.id}`);
const otherDepartment = await failed("the head reading manufacturing's item", 404, head.GET("/api/work-items/{id}", { params: { path: { id: manufacturingRoute.id } } }));
check(otherDepartment.status === 404, `another department's item is a 404: ${JSON.stringify(otherDepartment)}`);

// Act on it as the department head: corrective action, step by step.
step("the head acknowledges; a stale version and an action the state does not allow are 409s");
const read = item.version;
item = await succeeded("acknowledge", head.POST("/api/work-items/{id}/{action}", { params: { path: { id: item.id, action: "acknowledge" } }, body: { note: "On it", version: read } }));
check(item.state === "Acknowledged" && item.version > read, `acknowledged: ${item.state} v${item.version}`);
const stale = await failed("comment with the version read before acknowledging", 409,
  head.POST("/api/work-items/{id}/{action}", { params: { path: { id: item.id, action: "comment" } }, body: { note: "late", version: read } }));
check(stale.status === 409, `a stale version is a 409: ${JSON.stringify(stale)}`);
const notAllowed = await failed("resolve before a root cause", 409,
  head.POST("/api/work-items/{id}/{action}", { params: { path: { id: item.id, action: "resolve" } }, body: { note: "done", version: item.version } }));
check("allowedActions" in notAllowed && (notAllowed.allowedActions ?? []).includes("contain"), `the 409 lists the allowed actions: ${JSON.stringify(notAllowed)}`);

step("a step without its required field is a 422 naming it; with it, the item moves");
const missing = await failed("contain without saying what was contained", 422,
  head.POST("/api/work-items/{id}/{action}", { params: { path: { id: item.id, action: "contain" } }, body: { version: item.version } }));
check("errors" in missing && missing.errors?.["fields.containment"] !== undefined, `the 422 names fields.containment: ${JSON.stringify(missing)}`);
const contain = item.actions.find(a => a.name === "contain");
check(contain !== undefined && contain.fields.some(f => f.name === "containment" && !f.optional), `the item says contain requires containment: ${JSON.stringify(item.actions)}`);

const steps: { action: string; fields: Record<string, string> }[] = [
  { action: "contain", fields: { containment: "Quarantined the HX-200 stock in Michigan" } },
  { action: "find-cause", fields: { "rootCause.method": "5-whys", "rootCause.cause": "The control board's relay freezes below -10 C", "rootCause.elsewhere": "HX-300 uses the same relay" } },
  { action: "plan-action", fields: { "correctiveAction.plan": "A relay rated to -40 C", "correctiveAction.owner": "Dana", "correctiveAction.due": "2027-01-15" } },
  { action: "resolve", fields: { "correctiveAction.taken": "Relay replaced in production from lot 2612", "preventiveAction": "Cold-chamber test added to the relay's incoming inspection" } },
];
for (const { action, fields } of steps) {
  check(item.allowedActions.includes(action), `${action} is allowed in ${item.state}: ${item.allowedActions.join()}`);
  item = await succeeded(action, head.POST("/api/work-items/{id}/{action}", { params: { path: { id: item.id, action } }, body: { version: item.version, fields } }));
}
check(item.state === "Resolved", `the CAPA is resolved: ${item.state}`);
check(item.fields["rootCause.method"] === "5-whys", `the item keeps what each step recorded: ${JSON.stringify(item.fields)}`);
item = await succeeded("comment", head.POST("/api/work-items/{id}/{action}", { params: { path: { id: item.id, action: "comment" } }, body: { note: "Supplier informed", version: item.version } }));

step("the item's timeline tells its story, oldest first");
const timeline = await succeeded("the timeline", head.GET("/api/work-items/{id}/timeline", { params: { path: { id: item.id } } }));
const kinds = timeline.map(e => e.kind);
check(kinds[0] === "work-item.routed" && kinds.includes("work-item.acknowledged"), `the timeline starts with the routing: ${kinds.join()}`);
check(timeline.every((e, i) => i === 0 || (timeline[i - 1]?.sequence ?? 0) < e.sequence), "the timeline is oldest first");
check(timeline.some(e => e.actor === names.head && e.actorKeyId === headKey.id), "each action names the head and their key");

const graph = await succeeded("the lifecycle's diagram", csm.GET("/api/lifecycles/{id}/graph", { params: { path: { id: "corrective-action" }, query: { format: "mermaid" } }, parseAs: "text" }));
check(graph.startsWith("stateDiagram-v2"), `a Mermaid state diagram: ${graph.slice(0, 40)}`);

const lifecycles = await succeeded("the lifecycles", head.GET("/api/lifecycles"));
check(lifecycles.some(l => l.lifecycle.id === "corrective-action" && l.departments.includes("rnd")), `R&D follows corrective-action: ${JSON.stringify(lifecycles.map(l => [l.lifecycle.id, l.departments]))}`);
const effectiveness = await succeeded("is the fix working?", head.GET("/api/work-items/{id}/effectiveness", { params: { path: { id: item.id } } }));
check(effectiveness.verdict === "pending", `a fix resolved just now is pending: ${effectiveness.verdict}`);

// Walkthrough: from a CSV of tickets to a routed report (the README's samples).
step("the CSM imports the sample tickets and units sold (CSV); an admin scans");
const samples = setting("ROUTING_SAMPLES");
const csv = (file: string) => ({
  body: readFileSync(join(samples, file), "utf8"),
  bodySerializer: (body: unknown) => (typeof body === "string" ? body : JSON.stringify(body)),
  headers: { "Content-Type": "text/csv" },
});
const tickets = await succeeded("import the tickets", csm.POST("/api/complaints", csv("tickets.csv")));
check(tickets.accepted === 2882 && tickets.rejected === 0 && tickets.errors.length === 0, `every ticket is accepted: ${JSON.stringify(tickets)}`);
const unitsSold = await succeeded("import the units sold", csm.POST("/api/exposure", csv("units-sold.csv")));
check(unitsSold.accepted === 432 && unitsSold.rejected === 0, `every month's units sold are accepted: ${JSON.stringify(unitsSold)}`);
const scan = await succeeded("scan", admin.POST("/api/patterns/scan"));
check(scan.flagged >= 4, `the four planted patterns at least are flagged: ${JSON.stringify(scan)}`);

step("the CSM submits the Michigan winter candidate and dismisses another");
const candidates = await succeeded("the open candidates", csm.GET("/api/patterns", { params: { query: { status: "open" } } }));
const winter = candidates.find(c => c.product === "HX-200 heater" && c.segment.region === "Michigan" && (c.segment.months ?? []).length > 0);
check(winter !== undefined && winter.category === "quality" && (winter.ratio ?? 0) > 5, `the planted Michigan winter: ${JSON.stringify(candidates.map(c => c.explanation))}`);
check(winter.explanation.startsWith("HX-200 heater, Michigan, Nov–Mar"), `its sentence: ${winter.explanation}`);
const evidence = await succeeded("the candidate's evidence", csm.GET("/api/patterns/{id}", { params: { path: { id: winter.id }, query: { pageSize: 20 } } }));
check(evidence.pattern.id === winter.id && evidence.evidenceComplaints.length > 0 && evidence.evidenceComplaints.length <= 20, `its complaints, paged: ${evidence.evidenceComplaints.length} of ${evidence.evidenceTotal}`);
const submitted = await succeeded("submit the candidate", csm.POST("/api/patterns/{id}/submit", { params: { path: { id: winter.id } }, body: { severity: "high", recommendation: "Check the igniter below -10 °C" } }));
check(submitted.workItems.some(w => w.department === "manufacturing"), `a quality report goes to manufacturing: ${JSON.stringify(submitted.workItems)}`);
const other = candidates.find(c => c.id !== winter.id);
check(other !== undefined, "another candidate to dismiss");
await succeeded("dismiss a candidate", csm.POST("/api/patterns/{id}/dismiss", { params: { path: { id: other.id } }, body: { reason: "Texas had a heatwave" } }));
const dismissed = await succeeded("the dismissed candidates", csm.GET("/api/patterns", { params: { query: { status: "dismissed" } } }));
check(dismissed.some(c => c.id === other.id), "the dismissed candidate is listed as dismissed");

// Changing the routing (admins): supply problems to R&D instead of logistics.
step("the admin drafts a version sending supply problems to R&D, diffs, simulates, replays, publishes and rolls back");
const active = await succeeded("the active rules", admin.GET("/api/rules"));
const supplyRule = active.workflows.find(w => w.WorkflowName === "Routing")?.Rules.find(r => r.RuleName === "SupplyProblemToLogistics");
check(supplyRule !== undefined && supplyRule.Properties?.["department"] === "logistics", `the shipped rule sends supply problems to logistics: ${JSON.stringify(supplyRule)}`);
supplyRule.Properties = { ...supplyRule.Properties, department: "rnd" };
const draft = await succeeded("store the draft", admin.POST("/api/rules/versions", { body: { workflows: active.workflows, departments: active.departments, lifecycles: active.lifecycles } }));
check(draft.version > active.version, `a new version: ${draft.version}`);
const diff = await succeeded("the diff", admin.GET("/api/rules/versions/{version}/diff", { params: { path: { version: draft.version }, query: { against: active.version } } }));
check(JSON.stringify(diff).includes("SupplyProblemToLogistics"), `the diff names the changed rule: ${JSON.stringify(diff).slice(0, 300)}`);
const supplyReport: NewReport = { title: "Late deliveries", product: "HX-200 heater", category: "supply", reportCount: 12, severity: "medium", evidence: ["ticket-1"], verifiedBy: "csm", verifiedAt: "2026-11-20T10:00:00Z" };
const simulated = await succeeded("simulate", admin.POST("/api/rules/simulate", { body: { version: draft.version, report: supplyReport } }));
check(simulated.routes.some(r => r.department === "rnd"), `with the draft, supply problems go to R&D: ${JSON.stringify(simulated.routes)}`);
const fine = await succeeded("check an expression", admin.POST("/api/rules/expressions/check", { body: { expression: "report.Category == \"supply\" && report.ReportCount > 10" } }));
check(fine.ok && fine.error == null, `a rule on the report's fields is accepted: ${JSON.stringify(fine)}`);
const unknown = await succeeded("check an expression with a mistake", admin.POST("/api/rules/expressions/check", { body: { expression: "report.Colour == \"red\"" } }));
check(!unknown.ok && (unknown.error ?? "").includes("'Colour'"), `a field the report does not have is named: ${JSON.stringify(unknown)}`);
const replayed = await succeeded("replay", admin.POST("/api/rules/versions/{version}/replay", { params: { path: { version: draft.version }, query: { from: "2026-10-01T00:00:00Z", to: new Date().toISOString() } } }));
check(replayed.version === draft.version && replayed.reports >= 2 && replayed.changes.length === 0, `no report so far was a supply problem: ${JSON.stringify(replayed)}`);
const published = await succeeded("publish the draft", admin.POST("/api/rules/versions/{version}/publish", { params: { path: { version: draft.version } } }));
check(published.version === draft.version && published.previous === active.version && !published.rollback, `published: ${JSON.stringify(published)}`);
const rolledBack = await succeeded("roll back", admin.POST("/api/rules/versions/{version}/publish", { params: { path: { version: active.version } } }));
check(rolledBack.rollback, `publishing the old version again is a rollback: ${JSON.stringify(rolledBack)}`);
const versions = await succeeded("the versions", admin.GET("/api/rules/versions"));
check(versions.some(v => v.version === active.version && v.active) && versions.some(v => v.version === draft.version && !v.active), `the old version is active again: ${JSON.stringify(versions)}`);

// Notifications and webhooks: R&D gets one; its deliveries are held to the document's webhooks.
step("the admin gives R&D a webhook; a new R&D item is delivered as the document says");
const deliveries: { headers: Record<string, string | string[] | undefined>; text: string }[] = [];
const receiver = createServer((request, response) => {
  let text = "";
  request.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  request.on("end", () => {
    deliveries.push({ headers: request.headers, text });
    response.writeHead(204).end();
  });
});
await new Promise<void>(listening => receiver.listen(0, "127.0.0.1", listening));
const address = receiver.address();
check(address !== null && typeof address === "object", "the receiver listens");
const current = await succeeded("the active rules", admin.GET("/api/rules"));
const rndDepartment = current.departments.find(d => d["id"] === "rnd");
check(rndDepartment !== undefined, "the rules list R&D");
rndDepartment["webhook"] = { url: `http://127.0.0.1:${address.port}/routing`, secret: `whsec_${randomBytes(32).toString("base64")}` };
const withWebhook = await succeeded("draft R&D's webhook", admin.POST("/api/rules/versions", { body: { workflows: current.workflows, departments: current.departments, lifecycles: current.lifecycles } }));
await succeeded("publish R&D's webhook", admin.POST("/api/rules/versions/{version}/publish", { params: { path: { version: withWebhook.version } } }));
const kettle = await succeeded("submit a kettle's winter defect", csm.POST("/api/reports", { body: { ...report, title: "Kettle switch sticks in winter", product: "KT-10 kettle", segment: { region: "Ohio", months: [12, 1, 2] } } }));
const kettleForRnd = kettle.workItems.find(w => w.department === "rnd");
check(kettleForRnd !== undefined, `the kettle's defect goes to R&D too: ${JSON.stringify(kettle.workItems)}`);
for (let waited = 0; !deliveries.some(d => d.text.includes(kettleForRnd.id)); waited += 100) {
  check(waited < 30_000, `R&D's webhook gets the new item within 30 s (got ${deliveries.length} deliveries)`);
  await new Promise(resolve => setTimeout(resolve, 100));
}
for (const delivery of deliveries) console.log(`  delivery: ${conformance.checkDelivery(delivery.headers, delivery.text)}`);
receiver.close();

// Auditing: the history, as an auditor.
step("the auditor reads the report's history, exports it and verifies the chain");
const history = await succeeded("the report's history", auditor.GET("/api/history", { params: { query: { reportId: receipt.reportId } } }));
check(history.events.some(e => e.kind === "report.accepted" && e.actor === names.csm), `the history has the report's acceptance: ${history.events.map(e => e.kind).join()}`);
const exported = await succeeded("export the report's history", auditor.GET("/api/history/export", { params: { query: { format: "ndjson", reportId: receipt.reportId } }, parseAs: "text" }));
check(exported.trim().split("\n").length === history.events.length, `the export has the same events: ${exported.slice(0, 200)}`);
const records = await succeeded("R&D's CAPA records", auditor.GET("/api/work-items/records", { params: { query: { department: "rnd", from: "2026-01-01T00:00:00Z", to: new Date(Date.now() + 86_400_000).toISOString(), format: "csv" } }, parseAs: "text" }));
check(records.includes(rndRoute.id) && records.includes("5-whys"), `the CAPA records have the item and its root-cause method: ${records.slice(0, 300)}`);
step("the auditor reads the accountability figures: R&D's weeks, the rules, the CSMs' account, as JSON and CSV");
const trends = await succeeded("R&D's weekly figures", auditor.GET("/api/metrics/departments", { params: { query: { department: "rnd", interval: "week" } } }));
// The answer is typed JSON or CSV (the document declares both); JSON unless format=csv.
check(typeof trends !== "string", "the figures come as JSON unless CSV is asked for");
const rndWeeks = trends.departments.find(d => d.department === "rnd");
check(rndWeeks !== undefined && rndWeeks.periods.length === 12 && rndWeeks.periods.some(p => p.opened > 0), `R&D's last 12 weeks, this one with its items: ${JSON.stringify(trends).slice(0, 300)}`);
const trendsCsv = await succeeded("R&D's weekly figures as CSV", auditor.GET("/api/metrics/departments", { params: { query: { department: "rnd", format: "csv" } }, parseAs: "text" }));
check(trendsCsv.startsWith("department,name,workingTime,start,end,complete,opened,"), `the CSV has its header: ${trendsCsv.slice(0, 200)}`);
const ruleQuality = await succeeded("how each rule did", auditor.GET("/api/metrics/rules"));
check(typeof ruleQuality !== "string", "the rules' figures come as JSON");
check(ruleQuality.rules.some(r => r.rule === "SeasonalQualityDefectToRnd" && r.routed > 0), `the rules' routes are counted: ${JSON.stringify(ruleQuality.rules).slice(0, 300)}`);
const account = await succeeded("the CSMs' account", auditor.GET("/api/metrics/csms"));
check(typeof account !== "string", "the CSMs' account comes as JSON");
check(account.csms.some(c => c.csm === names.csm && c.submitted > 0), `the CSM's reports are counted: ${JSON.stringify(account.csms).slice(0, 300)}`);
const verified = await succeeded("verify the history", auditor.GET("/api/history/verify"));
check(verified.ok && verified.events > 0, `the history verifies: ${JSON.stringify(verified)}`);
const readOnly = await failed("an auditor acting on an item", 403,
  auditor.POST("/api/work-items/{id}/{action}", { params: { path: { id: item.id, action: "comment" } }, body: { note: "no", version: item.version } }));
check(readOnly.status === 403, `an auditor changes nothing: ${JSON.stringify(readOnly)}`);

// Revoking a key stops it at once.
step("the admin revokes the CSM's key; it stops working at once");
const revoked = await admin.DELETE("/api/keys/{id}", { params: { path: { id: csmKey.id } } });
check(revoked.response.status === 204, `revoking answers 204: ${revoked.response.status}`);
await failed("the revoked key", 401, csm.GET("/api/departments"));

check(conformance.problems.length === 0, "every answer is as the OpenAPI document says");
console.log(`walkthrough done: ${conformance.answers} answers and ${conformance.deliveries} webhook deliveries, each as the OpenAPI document says`);
