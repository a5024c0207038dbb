using System.Globalization;
using XiqingSearch.Cli.Localization;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Problems;

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
        output.Line(string.Create(CultureInfo.InvariantCulture,
            $"Skipped {skipped.Count} document{(skipped.Count == 1 ? string.Empty : "s")} that could not be read (not in the index):"), "bold yellow");
        foreach (var document in skipped)
        {
            var remedy = ocrOff && document.Code == ProblemCodes.NoTextLayer ? "; " + CliText.Get("error.ocrFlag") : "";
            output.Append("  " + document + remedy, "yellow").Append($" [{document.Code}]", "dim").EndLine();
        }
    }
}
