using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MimeKit;
using Routing.Engine.Departments;
using Routing.Engine.Notifications;

namespace Routing.Workflows.Notifications;

/// The e-mail of a queued notification, rendered from its stored payload (a work-item event or a
/// digest): a plain-text and an HTML part saying the same, each with the console link; every value
/// in the HTML encoded. The Message-Id is the notification's id, the same on every retry, so a
/// receiver can drop a repeat.
internal static class EmailMessage
{
    /// inbox: the console's inbox, which a digest links to.
    public static MimeMessage For(Notification n, Department department, string from, string inbox)
    {
        var (subject, lines, link, linkText, why) = n.Event == NotificationEvents.Digest
            ? Digest(JsonSerializer.Deserialize<DigestPayload>(n.Payload, NotificationOutbox.Json)!, department, inbox)
            : Event(JsonSerializer.Deserialize<WebhookPayload>(n.Payload, NotificationOutbox.Json)!.Data, department, n.Role);
        var message = new MimeMessage { Subject = subject, MessageId = $"{n.Id}@routing", Date = n.CreatedAt };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(new MailboxAddress("", n.To!));
        // Tells auto-responders not to answer (RFC 3834).
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Body = new BodyBuilder { TextBody = Text(lines, link, linkText, why), HtmlBody = Html(lines, link, linkText, why) }.ToMessageBody();
        return message;
    }

    /// A paragraph, a heading, or an item of a list (with its link, in a digest).
    sealed record Line(string Text, LineKind Kind = LineKind.Paragraph, string? Link = null);
    enum LineKind { Paragraph, Heading, Item }

    sealed record Rendered(string Subject, List<Line> Lines, string Link, string LinkText, string Why);

    static Line Item(string text, string? link = null) => new(text, LineKind.Item, link);

    static Rendered Event(WorkItemEvent e, Department department, string role)
    {
        var submitter = role == RecipientRoles.Submitter;
        var said = e.Event switch
        {
            NotificationEvents.Routed => submitter ? $"Your report went to {department.Name} as a {e.Priority} work item." : $"A new {e.Priority} work item for {department.Name}.",
            NotificationEvents.Reminder => "A reminder: this work item is waiting for its next step.",
            NotificationEvents.Escalated => "This work item escalated: it missed its due time.",
            NotificationEvents.Resolved => $"{department.Name} resolved the work item of your report; its fix is checked next.",
            NotificationEvents.Verified => "The fix was verified: the work item is done.",
            NotificationEvents.Reopened => "The work item was reopened: the fix did not hold.",
            NotificationEvents.Reprioritized => $"The work item's priority is now {e.Priority}.",
            NotificationEvents.Inconclusive => "The resolution check could not judge the fix: the CSM decides.",
            _ => $"Event: {e.Event}.",
        };
        List<Line> lines =
        [
            new(said),
            Item($"Title: {e.Title}"),
            Item($"Product: {e.Product} ({e.Category})"),
            Item($"Department: {department.Name}"),
            Item($"Priority: {e.Priority}"),
            Item($"State: {e.State}"),
            Item($"Acknowledge by: {When(e.AckDueAt)}"),
            Item($"Resolve by: {When(e.ResolveDueAt)}"),
        ];
        if (e.Effectiveness is { } judged) lines.Add(Item($"Effectiveness: {judged.Verdict}: {judged.Explanation}"));
        var why = submitter ? "You get this because you submitted the report, with a key that carries this address."
            : role == RecipientRoles.Escalation ? $"You get this as the escalation contact of {department.Name}: its rules subscribe to \"{e.Event}\" e-mails."
            : $"You get this as the contact of {department.Name}: its rules subscribe to \"{e.Event}\" e-mails.";
        return new($"[Routing] {e.Priority} {e.Event}: {e.Title} ({department.Name})", lines, e.Links.Console, "Open the work item in the console", why);
    }

    static Rendered Digest(DigestPayload d, Department department, string console)
    {
        var lines = new List<Line> { new($"{department.Name}: {d.Digest} digest for {When(d.From)} to {When(d.To)}.") };
        foreach (var (heading, section) in new[] { ("New", d.New), ("Falling due", d.Due), ("Overdue", d.Overdue) })
        {
            lines.Add(new($"{heading} ({section.Total})", LineKind.Heading));
            lines.AddRange(section.Items.Select(i => Item($"{i.Priority} {i.Title}, {i.State}, due {When(i.DueAt)}", i.Console)));
            if (section.Total > section.Items.Count) lines.Add(new($"… and {section.Total - section.Items.Count} more: see the inbox."));
        }
        return new($"[Routing] {Capitalized(d.Digest)} digest for {department.Name}: {d.New.Total} new, {d.Due.Total} falling due, {d.Overdue.Total} overdue",
            lines, console, "Open the inbox in the console", $"You get this as the contact of {department.Name}: its rules subscribe to the {d.Digest} digest.");
    }

    static string Text(List<Line> lines, string link, string linkText, string why)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
            text.Append(line.Kind switch
            {
                LineKind.Heading => $"\n{line.Text}\n",
                LineKind.Item => line.Link is null ? $"- {line.Text}\n" : $"- {line.Text}: {line.Link}\n",
                _ => $"{line.Text}\n\n",
            });
        return text.Append($"\n{linkText}: {link}\n\n-- \n{why}\n").ToString();
    }

    static string Html(List<Line> lines, string link, string linkText, string why)
    {
        var h = HtmlEncoder.Default;
        var html = new StringBuilder("<!DOCTYPE html><html><body>");
        var inList = false;
        foreach (var line in lines)
        {
            var item = line.Kind == LineKind.Item;
            if (item != inList) html.Append(item ? "<ul>" : "</ul>");
            inList = item;
            html.Append(line.Kind switch
            {
                LineKind.Heading => $"<h2>{h.Encode(line.Text)}</h2>",
                LineKind.Item => line.Link is null ? $"<li>{h.Encode(line.Text)}</li>" : $"<li><a href=\"{h.Encode(line.Link)}\">{h.Encode(line.Text)}</a></li>",
                _ => $"<p>{h.Encode(line.Text)}</p>",
            });
        }
        if (inList) html.Append("</ul>");
        return html.Append($"<p><a href=\"{h.Encode(link)}\">{h.Encode(linkText)}</a></p><hr><p><small>{h.Encode(why)}</small></p></body></html>").ToString();
    }

    static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    static string Capitalized(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
