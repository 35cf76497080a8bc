using Hangfire;
using Routing.Host.Cli;
using Routing.Host.Departments;
using Routing.Host.Errors;
using Routing.Host.History;
using Routing.Host.Reports;
using Routing.Host.Rules;
using Routing.Host.WorkItems;

if (await RulesCli.TryRunAsync(args, Console.Out) is { } exitCode) return exitCode;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddRoutingEngine(builder.Configuration);
builder.Services.AddRoutingRules();
builder.Services.AddRoutingWorkflows(builder.Configuration);
builder.Services.AddRoutingClock(builder.Configuration);
builder.Services.AddRoutingApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapOpenApi();
app.MapHealthChecks("/health");
app.MapReports();
app.MapWorkItems();
app.MapDepartments();
app.MapRules();
app.MapHistory();
app.MapHangfireDashboard("/hangfire", new DashboardOptions { IsReadOnlyFunc = _ => true });

app.Run();
return 0;

/// Visible to the tests' WebApplicationFactory.
public partial class Program;
