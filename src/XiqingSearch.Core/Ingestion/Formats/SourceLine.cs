namespace XiqingSearch.Core.Ingestion.Formats;

/// <summary>
/// One line of a source file as a format reader hands it to the splitter.
/// </summary>
/// <param name="Number">1-based line number in the file.</param>
/// <param name="Text">The line's text without format markup (a markdown heading without its <c>#</c> markers).</param>
/// <param name="IsMarkupHeading">True when the format marks the line as a heading (markdown <c>#</c>).</param>
/// <param name="IsCell">True when the line starts with a tab, which in PDF-extracted tables starts a cell.</param>
internal readonly record struct SourceLine(int Number, string Text, bool IsMarkupHeading, bool IsCell)
{
    /// <summary>True for an empty or whitespace-only line.</summary>
    public bool IsBlank => Text.All(TextNormalizer.IsSpace);
}
