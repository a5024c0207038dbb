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
        var options = command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name))
            .Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct().ToList();
        var unmatched = parseResult.UnmatchedTokens;
        var skip = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < unmatched.Count; i++)
        {
            var token = unmatched[i];
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Contains('='))
            {
                continue;
            }
            var name = token.Split('=')[0];
            var closest = options.Select(o => (Option: o, Distance: Distance(name, o))).OrderBy(p => p.Distance).FirstOrDefault();
            skip.Add(token);
            if (i + 1 < unmatched.Count && !unmatched[i + 1].StartsWith('-'))
            {
                // The mistyped option's value was not taken by any option: it is not a second mistake.
                skip.Add(unmatched[i + 1]);
            }
            yield return closest.Option is not null && closest.Distance <= 2
                ? $"unknown option '{token}'; did you mean '{closest.Option}'?"
                : $"unknown option '{token}'.";
        }
        foreach (var error in parseResult.Errors)
        {
            if (!skip.Any(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal)))
            {
                yield return error.Message;
            }
        }
    }

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
