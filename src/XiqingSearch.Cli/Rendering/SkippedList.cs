using XiqingSearch.Core.Ingestion;

namespace XiqingSearch.Cli.Rendering;

/// <summary>The documents a build could not read, one line each: file, page, reason and code.</summary>
internal static class SkippedList
{
    /// <summary>
    /// Writes the list; with <paramref name="ocrOff"/> a scan without a text layer also names the flag that reads it
    /// (Core words it as a setting).
    /// </summary>
    public static void Write(IReadOnlyList<SkippedDocument> skipped, StyledWriter output, bool ocrOff = false)
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
            var remedy = ocrOff && document.Code == ProblemCodes.NoTextLayer ? "; " + CliText.Get("error.ocrFlag") : "";
            output.Append("  " + text + remedy, "yellow").Append($" [{document.Code}]", "dim").EndLine();
        }
    }
}
