using System.Text.RegularExpressions;

namespace XiqingSearch.Core.Ingestion.Formats;

/// <summary>
/// Markdown: ATX headings (<c>#</c> to <c>######</c>) lose their markers and are flagged as headings; the number
/// of <c>#</c> is ignored, because real files use random levels; the heading's level comes from its form.
/// </summary>
internal sealed partial class MarkdownReader : IFormatReader
{
    public static MarkdownReader Instance { get; } = new();

    public IReadOnlyList<SourceLine> ReadLines(string text)
    {
        var lines = PlainTextReader.SplitLines(text);
        var result = new List<SourceLine>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var match = HeadingPattern().Match(lines[i]);
            result.Add(match.Success
                ? new SourceLine(i + 1, match.Groups["text"].Value, IsMarkupHeading: true, IsCell: false)
                : new SourceLine(i + 1, lines[i], IsMarkupHeading: false, IsCell: lines[i].StartsWith('\t')));
        }
        return result;
    }

    /// <summary>True when <paramref name="text"/> has at least one markdown heading line.</summary>
    public static bool HasMarkdownHeadings(string text) => AnyHeadingPattern().IsMatch(text);

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+(?<text>.*?)[ \t#]*$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+\S", RegexOptions.Multiline)]
    private static partial Regex AnyHeadingPattern();
}
