using XiqingSearch.Core.Search.Commit;

namespace XiqingSearch.Core.Search.Engine;

/// <summary>
/// A paragraph the query matched, with its score and the number of occurrences of the query's phrases in it
/// (their spans are found only for the hits a page shows), and its sort keys (year, document ordinal, paragraph
/// number) copied from its <see cref="RowKeys"/>, so ordering candidates never reads the row object.
/// </summary>
internal readonly record struct MatchedRow(ParagraphRow Row, float Score, int Occurrences, int Year, int Document, int Paragraph)
{
    public MatchedRow(ParagraphRow row, float score, int occurrences, in RowKeys keys)
        : this(row, score, occurrences, keys.Year, keys.Document, keys.Paragraph)
    {
    }

    /// <summary>True when every occurrence in the paragraph was matched approximately (none exactly): ranked below exact hits.</summary>
    public bool Approximate { get; init; }
}
