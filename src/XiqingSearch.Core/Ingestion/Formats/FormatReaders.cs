namespace XiqingSearch.Core.Ingestion.Formats;

/// <summary>
/// Picks the reader for a file: <c>.md</c> is Markdown; a <c>.txt</c> that uses markdown headings has those headings
/// read as markup and the rest as plain text (its other characters are its own text); any other file is plain text.
/// </summary>
internal static class FormatReaders
{
    public static IFormatReader For(string fileName, string text) =>
        fileName.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? MarkdownReader.Instance
        : MarkdownReader.HasMarkdownHeadings(text) ? MarkdownReader.HeadingsOnly
        : PlainTextReader.Instance;
}
