using System.Globalization;
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
        output.Line(string.Create(CultureInfo.InvariantCulture,
            $"Skipped {skipped.Count} document{(skipped.Count == 1 ? string.Empty : "s")} that could not be read (not in the index):"), "bold yellow");
        foreach (var document in skipped)
        {
            output.Append("  " + document, "yellow").Append($" [{document.Code}]", "dim").EndLine();
        }
    }
}
