using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Routing.Host.Access;

namespace Routing.Host.Cli;

/// The host's command line. Without a command it serves HTTP, as always; with one it runs that
/// verb and exits without listening: the verb's result on stdout, logs and errors on stderr,
/// exit code 0 (done), 1 (invalid input, or the verb failed: one line, never a stack trace) or
/// 2 (wrong usage). `--help` works at every level.
internal static class RoutingCli
{
    /// `dotnet run --project host` passes the content root (where appsettings.json is) to every
    /// command; the verbs that open the store read their configuration from there too.
    public static readonly Option<string?> ContentRoot = new("--contentRoot", "--contentroot")
    {
        Hidden = true,
        Recursive = true,
    };

    /// The exit code of the verb the arguments name, or null when they name none (then the
    /// host serves HTTP with them).
    public static async Task<int?> TryRunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = Commands();
        var parsed = root.Parse(args);
        if (parsed.Action == root.Action)
        {
            // The web host takes `--key value`, `--key=value`, `/key value` and `key=value`; any
            // other word is a mistyped command, which must not start the service.
            if (StrayWord(parsed.UnmatchedTokens) is not { } word) return null;
            return await FailAsync(error, $"'{word}' is not a command (see --help).", 2);
        }
        var help = $"{Path(parsed)} --help".Trim();
        if (parsed.Action is ParseErrorAction)
            return await FailAsync(error, $"{parsed.Errors[0].Message} (see {help})", 2);
        // The root lets the web host's words through, and with them (the parser asks the root
        // only) the verbs' strays: a verb takes none.
        if (parsed.UnmatchedTokens.Count > 0 && parsed.Action is not HelpAction)
            return await FailAsync(error, $"Unrecognized command or argument '{parsed.UnmatchedTokens[0]}'. (see {help})", 2);
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            return await FailAsync(error, $"{Path(parsed)}: {Line(e)}".TrimStart(' ', ':'), 1);
        }
    }

    static RootCommand Commands()
    {
        var root = new RootCommand("Routing. Without a command it serves the web console and the API (on Urls, " +
            "http://localhost:5080 by default); with one, it runs it and exits.")
        {
            ContentRoot,
            KeysCli.Command(),
            RulesCli.Command(),
            Imports.ImportCli.Command(),
        };
        // What the web host is given (--urls, --environment, configuration keys) is not ours to judge.
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction(_ => 0);
        return root;
    }

    /// A command made only of subcommands shows its help when called alone.
    public static void ShowsHelpAlone(Command command) => command.SetAction(parsed => new HelpAction().Invoke(parsed));

    public static async Task<int> FailAsync(TextWriter error, string message, int code)
    {
        await error.WriteLineAsync(message);
        return code;
    }

    /// The words of the command parsed, `keys create` (none for the root).
    static string Path(ParseResult parsed)
    {
        var words = new List<string>();
        for (var result = parsed.CommandResult; result.Command is not RootCommand; result = (CommandResult)result.Parent!)
            words.Insert(0, result.Command.Name);
        return string.Join(' ', words);
    }

    /// The innermost cause says what went wrong (the file that cannot be opened, the server that
    /// refused); its first line is enough.
    static string Line(Exception e) => e.GetBaseException().Message.Split('\n')[0].Trim();

    static string? StrayWord(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].StartsWith('-') || tokens[i].StartsWith('/'))
            {
                if (!tokens[i].Contains('=')) i++;
                continue;
            }
            if (!tokens[i].Contains('=')) return tokens[i];
        }
        return null;
    }
}
