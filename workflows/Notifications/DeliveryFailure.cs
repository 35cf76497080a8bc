namespace Routing.Workflows.Notifications;

/// A send that failed, as a class of failure ("SMTP 550", "TLS error"): what history and the log
/// record. A channel throws it having classified its own errors; the message names no address.
internal sealed class DeliveryFailure(string error, Exception? inner = null) : Exception(error, inner);
