using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Ingestion.Formats;

/// <summary>Plain text (including text extracted from PDF): every line as it is.</summary>
internal sealed class PlainTextReader : IFormatReader
{
    public static PlainTextReader Instance { get; } = new();

    public IReadOnlyList<SourceLine> ReadLines(string text)
    {
        var lines = SplitLines(text);
        var result = new List<SourceLine>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            result.Add(new SourceLine(i + 1, lines[i], IsMarkupHeading: false, IsCell: lines[i].StartsWith('\t')));
        }
        return result;
    }

    /// <summary>Splits on \n, \r\n and \r, so line numbers match what editors show.</summary>
    public static string[] SplitLines(string text) => text.ReplaceLineEndings("\n").Split('\n');
}
