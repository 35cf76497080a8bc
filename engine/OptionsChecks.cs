using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// A setting's rule as "what is wrong, or null", so the message can name the setting and its
/// value; with `ValidateOnStart` a broken rule stops the host's start with that message.
internal static class OptionsChecks
{
    public static OptionsBuilder<T> Check<T>(this OptionsBuilder<T> options, Func<T, string?> problem) where T : class
    {
        options.Services.AddSingleton<IValidateOptions<T>>(new Rule<T>(options.Name, problem));
        return options;
    }

    sealed class Rule<T>(string name, Func<T, string?> problem) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? optionsName, T options) =>
            optionsName != name ? ValidateOptionsResult.Skip
            : problem(options) is { } wrong ? ValidateOptionsResult.Fail(wrong)
            : ValidateOptionsResult.Success;
    }
}
