using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using Routing.Workflows.Notifications;

namespace Routing.Tests.Workflows;

/// A failed delivery is recorded as a class of failure, never with the exception's text
/// (which names hosts and ports).
public sealed class DeliveryErrorTests
{
    static HttpRequestException Connect(Exception inner) =>
        new(HttpRequestError.ConnectionError, "Connection refused (10.0.0.7:6379)", inner);

    public static TheoryData<Exception, string> Failures => new()
    {
        { Connect(new SocketException((int)SocketError.ConnectionRefused)), "connection refused" },
        { Connect(new SocketException((int)SocketError.HostNotFound)), "name not resolved" },
        { new HttpRequestException(HttpRequestError.NameResolutionError, "No such host is known. (db.internal:5432)"), "name not resolved" },
        { Connect(new SocketException((int)SocketError.NetworkUnreachable)), "unreachable" },
        { new HttpRequestException(HttpRequestError.SecureConnectionError, "The SSL connection could not be established", new AuthenticationException("x")), "TLS error" },
        { new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 10 seconds", new TimeoutException()), "timeout" },
        { new HttpRequestException("Response status code does not indicate success: 500 (Internal Server Error).", null, HttpStatusCode.InternalServerError), "HTTP 500" },
        { new HttpRequestException("Response status code does not indicate success: 307.", null, HttpStatusCode.TemporaryRedirect), "HTTP 307 (redirects are not followed)" },
        { Connect(new WebhookAddressRefusedException()), "address not allowed" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Each_failure_is_recorded_as_its_class(Exception failure, string expected) =>
        Assert.Equal(expected, DeliveryError.Classify(failure));
}
