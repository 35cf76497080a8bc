using Hangfire;
using Routing.Host.Lifecycles;
using Routing.Host.Metrics;
using Routing.Host.Calendars;
using Routing.Host.Access;
using Routing.Host.Cli;
using Routing.Host.Departments;
using Routing.Host.Errors;
using Routing.Host.Health;
using Routing.Host.History;
using Routing.Host.Imports;
using Routing.Host.OpenApi;
using Routing.Host.Patterns;
using Routing.Host.Pages;
using Routing.Host.Reports;
using Routing.Host.Rules;
using Routing.Host.Telemetry;
using Routing.Host.WorkItems;

if (await RoutingCli.TryRunAsync(args, Console.Out, Console.Error) is { } exitCode) return exitCode;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddRoutingEngine();
builder.Services.AddRoutingRules();
builder.Services.AddRoutingWorkflows();
builder.Services.AddRoutingScheduler();
builder.Services.AddRoutingApi();
builder.Services.AddRoutingAccess();
builder.AddRoutingTelemetry();
builder.Services.AddRazorPages();
builder.Services.AddSingleton<Routing.Host.Pages.ConsoleScripts>();
// The largest body anyone sends is a ruleset draft (4 MiB); reports are held to 256 KiB by their endpoint.
// Imports of complaints and units sold stream and lift the limit for themselves (ImportsApi).
builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = 5 * 1024 * 1024);

var app = builder.Build();

app.UseRoutingProxy();
app.UseExceptionHandler();
app.UseManagementPort();
app.UseStatusCodePages();
app.UseWhen(http => http.Request.Path.StartsWithSegments("/console"),
    console => console.UseStatusCodePagesWithReExecute("/console/status/{0}"));
app.UseSecurityHeaders();
// The console's stylesheet, from host/wwwroot: public, and served before authentication.
app.UseStaticFiles();
// Routing after the status pages, so that a console error page re-executed there is routed
// (and authorized) as the page it is.
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapRazorPages();
app.MapConsoleEntry();
app.MapOpenApi().AllowAnonymous();
app.MapApiReference();
app.MapRoutingHealth();
app.MapReports();
app.MapWorkItems();
app.MapLifecycles();
app.MapCalendars();
app.MapDepartments();
app.MapRules();
app.MapHistory();
app.MapKeys();
app.MapImports();
app.MapPatterns();
app.MapMetrics();
app.MapRoutingTelemetry();
app.MapHangfireDashboard("/hangfire", new DashboardOptions { IsReadOnlyFunc = _ => true, Authorization = [new AdminDashboardAuthorization()] })
    .RequireAuthorization(Policies.Administer);

app.Run();
return 0;

/// Visible to the tests' WebApplicationFactory.
public partial class Program;
