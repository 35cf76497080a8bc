using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace Routing.Host.Errors;

/// Turns exceptions into ProblemDetails without leaking internals: an unreachable store
/// is a 503 the client may retry; anything else is logged and answered with a plain 500.
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> log)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (status, title) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read."),
            _ when IsStoreOutage(exception) => (StatusCodes.Status503ServiceUnavailable, "The store is unavailable; retry shortly."),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred."),
        };
        if (status == StatusCodes.Status503ServiceUnavailable)
            // One outage fails every request: say so per request, without a stack trace each time.
            log.LogWarning("Request {Method} {Path} answered 503: the store is unavailable ({Error})",
                http.Request.Method, http.Request.Path, exception.GetBaseException().Message);
        else if (status >= 500)
            log.LogError(exception, "Request {Method} {Path} failed with {Status}", http.Request.Method, http.Request.Path, status);

        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new()
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title },
        });
    }

    static bool IsStoreOutage(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
            // Transient: the server is down, unreachable, shutting down or out of connections.
            // A constraint violation is not an outage (and must not invite a retry).
            if (inner is DbException { IsTransient: true } or TimeoutException or System.Net.Sockets.SocketException ||
                inner is DbException { SqlState: { } state } && OutageStates.Any(state.StartsWith))
                return true;
        return false;
    }

    // SQLSTATE classes: 08 connection exception, 53 insufficient resources, 57P operator intervention (shutdown).
    static readonly string[] OutageStates = ["08", "53", "57P"];
}
