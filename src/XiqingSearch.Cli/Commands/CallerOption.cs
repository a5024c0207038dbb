using System.CommandLine;
using XiqingSearch.Core.Access;

namespace XiqingSearch.Cli.Commands;

/// <summary>
/// <c>--groups G1,G2</c> of every verb that reads the index: answer as a caller in those groups would be answered
/// (for checking access rules). Without it the command line is the operator, who reads the index folder with the
/// file system's permissions and sees every document.
/// </summary>
internal static class CallerOption
{
    /// <summary>A new option (one per command: a symbol belongs to one parent).</summary>
    public static Option<string> Create() => new("--groups")
    {
        Description = "Answer as a caller in these groups would be answered (comma-separated; \"\" for an anonymous " +
            "caller): documents the access rules of catalog.json keep from them are left out of every answer. " +
            "Default: the operator, who sees every document.",
        HelpName = "G1,G2",
    };

    /// <summary>The caller <paramref name="option"/> names: the operator when it is not given.</summary>
    public static Caller Of(ParseResult parseResult, Option<string> option)
    {
        var result = parseResult.GetResult(option);
        if (result is null || result.Implicit)
        {
            return Caller.Operator;
        }
        var groups = parseResult.GetValue(option) ?? string.Empty;
        return Caller.InGroups(null, groups.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }
}
