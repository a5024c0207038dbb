using XiqingSearch.Cli.Localization;
using XiqingSearch.Core.Ingestion;

namespace XiqingSearch.Cli.Rendering;

/// <summary>The documents a build could not read, one line each: file, page, reason and code.</summary>
internal static class SkippedList
{
    public static void Write(IReadOnlyList<SkippedDocument> skipped, StyledWriter output)
    {
        if (skipped.Count == 0)
        {
            return;
        }
        output.Line(CliText.Get("skipped.heading", skipped.Count, CliText.Plural(skipped.Count)), "bold yellow");
        foreach (var document in skipped)
        {
            var text = CliLanguage.IsChinese
                ? CliText.Get(document.Page is null ? "skipped.file" : "skipped.page", document.File, document.Page,
                    ProblemText.SkipReason(document.Code, document.Reason))
                : document.ToString();
            output.Append("  " + text, "yellow").Append($" [{document.Code}]", "dim").EndLine();
        }
    }
}
