using System.Globalization;
using Routing.Engine.Effectiveness;
using Routing.Engine.Lifecycles;
using Routing.Engine.WorkItems;
using Routing.Workflows.WorkItems;

namespace Routing.Host.Pages.Console;

/// What the resolve step's two optional inputs post: the target in complaints per 1,000 units
/// (how a quality engineer says a rate; the API takes complaints per unit) and the days to watch.
/// Both blank keep the default criterion. Errors are keyed as the API's, `effectiveness.target`
/// and `effectiveness.windowDays`, so the form shows them and the server's at the same inputs.
internal sealed record PostedEffectiveness(string? Target, string? WindowDays)
{
    public const string TargetKey = "effectiveness.target", WindowKey = "effectiveness.windowDays", Key = "effectiveness";

    /// Per 1,000 units: a target of 5 is a rate of 0.005.
    const double PerThousand = 1000;

    /// The inputs in a posted form, or null when it has neither.
    public static PostedEffectiveness? Of(IFormCollection form)
    {
        var target = form[TargetKey].ToString().Trim();
        var window = form[WindowKey].ToString().Trim();
        return target.Length + window.Length == 0 ? null : new(target.Length == 0 ? null : target, window.Length == 0 ? null : window);
    }

    /// The choice as ActOnWorkItem takes it, or the inputs' problems when they are not numbers.
    public (EffectivenessChoice? Choice, Dictionary<string, string> Errors) Choice()
    {
        var errors = new Dictionary<string, string>();
        double? target = null;
        int? days = null;
        if (Target is not null)
        {
            if (double.TryParse(Target.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var perThousand) && double.IsFinite(perThousand))
                target = perThousand / PerThousand;
            else errors[TargetKey] = "must be a number of complaints per 1,000 units sold, such as 5 or 0.8.";
        }
        if (WindowDays is not null)
        {
            if (int.TryParse(WindowDays, NumberStyles.Integer, CultureInfo.InvariantCulture, out var d)) days = d;
            else errors[WindowKey] = "must be a whole number of days, such as 30.";
        }
        return errors.Count > 0 ? (null, errors) : (new EffectivenessChoice(target, days), errors);
    }

    /// Whether taking the action resolves the item (its resolution check runs where it goes):
    /// only such an action offers the inputs.
    public static bool Resolves(Lifecycle lifecycle, WorkItem item, LifecycleAction action) =>
        action.To is { } to && lifecycle.Checks(to) && !lifecycle.Checks(item.State);

    /// A server's message for an input, said after its label: "must be between 1 and 365 days."
    /// The API's target message speaks of a rate per unit; the form's input is per 1,000.
    public static string Said(string key, string message) => key == TargetKey && message.Contains("(0.005 is 0.5%)")
        ? "must be at least 0 and below 1,000 complaints per 1,000 units sold."
        : message;
}
