namespace XiqingSearch.Cli.Rendering;

/// <summary>
/// The CLI's one mapper from <see cref="Problem"/> to text. A problem with a span inside its source (a query
/// error) shows the source with a caret under the column where it goes wrong, as Noda Time does:
/// <code>
/// xiqing: unclosed quote [query.unclosed-quote]
///   "天开
///   ^
/// </code>
/// The caret is placed by display width, so it sits under the right character even after Chinese text.
/// </summary>
internal static class ProblemRenderer
{
    /// <summary>Indent of the source and caret lines.</summary>
    public const string Indent = "  ";

    /// <summary>
    /// The value of a result, or an exception carrying its first problem after every other problem is written to
    /// standard error (the command runner shows the first and exits with its code).
    /// </summary>
    public static T ValueOrThrow<T>(Result<T> result)
    {
        if (result.IsSuccess)
        {
            return result.Value;
        }
        Write(Console.Error, result.Problems.Skip(1));
        throw new XiqingException(result.Problems[0]);
    }

    /// <summary>Writes every problem to <paramref name="error"/>.</summary>
    public static void Write(TextWriter error, IEnumerable<Problem> problems)
    {
        foreach (var problem in problems)
        {
            Write(error, problem);
        }
    }

    /// <summary>Writes one problem to <paramref name="error"/>.</summary>
    public static void Write(TextWriter error, Problem problem)
    {
        if (problem.Span is { } span && problem.Source is { } source && span.Start <= source.Length && !source.Contains('\n'))
        {
            OutputStyle.WriteErrorLine(error, $"xiqing: {ProblemText.Message(problem)} [{problem.Code}]");
            error.WriteLine(Indent + source);
            error.WriteLine(Indent + CaretLine(source, span));
            return;
        }
        var about = problem.Source is null ? "" : $" ({problem.Source})";
        // Core words a bad value without naming it as any front end does; the CLI puts its option in front.
        var named = problem.Parameter is { } parameter && problem.Code == ProblemCodes.BadParameter
            ? ParameterNames.Of(parameter) + ": "
            : "";
        OutputStyle.WriteErrorLine(error, $"xiqing: {named}{ProblemText.Message(problem)}{about} [{problem.Code}]");
        if (Remedy(problem) is { } remedy)
        {
            OutputStyle.WriteErrorLine(error, Indent + remedy, Indent.Length + 2);
        }
    }

    /// <summary>The command that fixes an index problem, from the problem's arguments.</summary>
    private static string? Remedy(Problem problem) => problem.Code switch
    {
        ProblemCodes.IndexMissing when problem.Arguments is { } a && a.TryGetValue("seeds", out var seeds) && a.TryGetValue("index", out var index) =>
            CliText.Get("error.buildIt", seeds, index),
        ProblemCodes.IndexIncompatible => CliText.Get("error.rebuildIt"),
        // Core words the index folder and the seeds folder as settings; the command line names its flags.
        ProblemCodes.IndexPathIsFile or ProblemCodes.IndexCannotCreate => CliText.Get("error.chooseIndex"),
        ProblemCodes.SeedsFolderMissing => CliText.Get("error.pointToSeeds"),
        _ => null,
    };

    /// <summary>Spaces up to the span's start column, then <c>^</c>, then <c>~</c> under the rest of the span.</summary>
    public static string CaretLine(string source, TextSpan span)
    {
        var start = Math.Clamp(span.Start, 0, source.Length);
        var end = Math.Clamp(span.End, start, source.Length);
        var pad = DisplayWidth.Of(source.AsSpan(0, start));
        var width = Math.Max(1, DisplayWidth.Of(source.AsSpan(start, end - start)));
        return new string(' ', pad) + "^" + new string('~', width - 1);
    }
}
