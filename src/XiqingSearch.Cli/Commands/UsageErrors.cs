using System.CommandLine;

namespace XiqingSearch.Cli.Commands;

/// <summary>
/// The messages of a failed parse. A mistyped option (<c>--yaer 2024</c>) is one error with the option meant
/// (<c>--year</c>), not System.CommandLine's two "unrecognized" errors, one for the option and one for its value.
/// </summary>
internal static class UsageErrors
{
    public static IEnumerable<string> Messages(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        var unmatched = parseResult.UnmatchedTokens;
        if (command is RootCommand && unmatched.Count > 0 && !unmatched[0].StartsWith('-'))
        {
            // A mistyped verb (xiqing serach) is one mistake: System.CommandLine's further errors (the verb's
            // arguments unrecognised, no command given) all follow from it.
            yield return UnknownCommand(command, unmatched[0]);
            yield break;
        }
        var options = OptionNames(command);
        var skip = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < unmatched.Count; i++)
        {
            var token = unmatched[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Contains('='))
            {
                continue;
            }
            skip.Add(token);
            if (i + 1 < unmatched.Count && !unmatched[i + 1].StartsWith('-'))
            {
                // The mistyped option's value was not taken by any option: it is not a second mistake.
                skip.Add(unmatched[i + 1]);
            }
            yield return UnknownOption(options, token);
        }
        foreach (var error in parseResult.Errors)
        {
            if (!skip.Any(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal)))
            {
                yield return error.Message;
            }
        }
    }

    /// <summary>The long option names <paramref name="command"/> takes (hidden ones left out).</summary>
    public static List<string> OptionNames(Command command) =>
        command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name))
            .Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct().ToList();

    /// <summary>"unknown option '--yaer'; did you mean '--year'?" (the suggestion only when one is close).</summary>
    public static string UnknownOption(IReadOnlyList<string> options, string token)
    {
        var name = token.Split('=')[0];
        var closest = options.Select(o => (Option: o, Distance: Distance(name, o))).OrderBy(p => p.Distance).FirstOrDefault();
        return closest.Option is not null && closest.Distance <= 2
            ? CliText.Get("usage.unknownOptionMeant", name, closest.Option)
            : CliText.Get("usage.unknownOption", name);
    }

    /// <summary>"unknown command 'serach'; did you mean 'search'?", else the verbs there are.</summary>
    public static string UnknownCommand(Command root, string token)
    {
        var verbs = root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        var closest = verbs.Select(v => (Verb: v, Distance: Distance(token, v))).OrderBy(p => p.Distance).FirstOrDefault();
        return closest.Verb is not null && closest.Distance <= 2
            ? CliText.Get("usage.unknownCommandMeant", token, closest.Verb)
            : CliText.Get("usage.unknownCommand", token, string.Join(", ", verbs));
    }

    /// <summary>
    /// True for a token that is written as an option (<c>--yaer</c>, <c>-x</c>) rather than as a phrase: a verb
    /// whose arguments are phrases must not take a mistyped option for one.
    /// </summary>
    public static bool LooksLikeOption(string token) =>
        token.StartsWith("--", StringComparison.Ordinal)
        || (token.Length >= 2 && token[0] == '-' && char.IsAsciiLetter(token[1]));

    /// <summary>Refuses phrase arguments written as options, naming the option meant.</summary>
    public static void RefuseOptionsAsPhrases(Argument argument, Command command) =>
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (LooksLikeOption(token.Value))
                {
                    result.AddError(UnknownOption(OptionNames(command), token.Value));
                    return;
                }
            }
        });

    /// <summary>Optimal string alignment distance: edits, with a swap of two neighbours counting as one.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
