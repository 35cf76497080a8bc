using System.Net;
using System.Net.Sockets;
using Routing.Engine.Notifications;

namespace Routing.Workflows.Notifications;

/// Opens the connection of a webhook delivery only to an address the policy allows: the
/// host name is resolved here and each address checked before connecting to it, so a name
/// that resolves to an internal address (or is made to, between validation and delivery)
/// is refused.
internal static class WebhookConnection
{
    public static SocketsHttpHandler Handler(WebhookAddressPolicy policy) => new()
    {
        // A redirect would take the body and its signature to an address nobody validated.
        AllowAutoRedirect = false,
        // Through a proxy, the callback would check the proxy's address instead of the webhook's.
        UseProxy = false,
        ConnectCallback = (context, ct) => ConnectAsync(policy, context.DnsEndPoint, ct),
    };

    static async ValueTask<Stream> ConnectAsync(WebhookAddressPolicy policy, DnsEndPoint endpoint, CancellationToken ct)
    {
        var host = endpoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(a => policy.Allows(host, a)).ToList();
        if (allowed.Count == 0) throw new WebhookAddressRefusedException();

        SocketException? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }
}

/// A webhook's host resolved only to addresses the policy refuses.
internal sealed class WebhookAddressRefusedException() : Exception("The webhook's address is not allowed.");
