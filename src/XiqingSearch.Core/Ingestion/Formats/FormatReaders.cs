namespace XiqingSearch.Core.Ingestion.Formats;

/// <summary>Picks the reader for a file: <c>.md</c>, or a <c>.txt</c> that uses markdown headings, is markdown.</summary>
internal static class FormatReaders
{
    public static IFormatReader For(string fileName, string text) =>
        fileName.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || MarkdownReader.HasMarkdownHeadings(text)
            ? MarkdownReader.Instance
            : PlainTextReader.Instance;
}
