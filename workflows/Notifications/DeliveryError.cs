using System.Net.Sockets;
using System.Security.Authentication;

namespace Routing.Workflows.Notifications;

/// What a failed delivery is recorded and logged as: a class of failure ("connection
/// refused", "timeout", "HTTP 500"), never the exception's message, which names addresses
/// and ports and would make the history a port scanner for anyone who can read it.
internal static class DeliveryError
{
    public static string Classify(Exception e)
    {
        if (Find<WebhookAddressRefusedException>(e) is not null) return "address not allowed";
        if (e is HttpRequestException { StatusCode: { } status })
            return (int)status is >= 300 and < 400 ? $"HTTP {(int)status} (redirects are not followed)" : $"HTTP {(int)status}";
        if (e is TaskCanceledException or TimeoutException || Find<TimeoutException>(e) is not null) return "timeout";
        if (Find<AuthenticationException>(e) is not null) return "TLS error";
        if (Find<SocketException>(e) is { } socket)
            return socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "name not resolved",
                SocketError.TimedOut => "timeout",
                SocketError.HostUnreachable or SocketError.NetworkUnreachable => "unreachable",
                SocketError.ConnectionReset or SocketError.ConnectionAborted => "connection reset",
                _ => "connection failed",
            };
        return e switch
        {
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "name not resolved",
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => "TLS error",
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "connection failed",
            HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse } => "invalid response",
            HttpRequestException => "request failed",
            _ => "invalid request",
        };
    }

    static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
            if (e is T found) return found;
        return null;
    }
}
