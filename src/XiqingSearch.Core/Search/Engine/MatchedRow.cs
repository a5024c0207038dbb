using XiqingSearch.Core.Search.Commit;

namespace XiqingSearch.Core.Search.Engine;

/// <summary>
/// A paragraph the query matched, by doc id, with its score and the number of occurrences of the query's phrases in
/// it (their spans are found only for the hits a page shows), and its sort keys (year, document ordinal, paragraph
/// number) copied from its <see cref="RowKeys"/>, so ordering candidates never reads a row: the
/// <see cref="ParagraphRow"/> is made only for a hit the page shows, not for every candidate the top hits take in
/// and later drop (about 40 of 269 for a page of 10 of 发展).
/// </summary>
internal readonly record struct MatchedRow(int DocId, float Score, int Occurrences, int Year, int Document, int Paragraph)
{
    public MatchedRow(int docId, float score, int occurrences, in RowKeys keys)
        : this(docId, score, occurrences, keys.Year, keys.Document, keys.Paragraph)
    {
    }

    /// <summary>True when every occurrence in the paragraph was matched approximately (none exactly): ranked below exact hits.</summary>
    public bool Approximate { get; init; }
}
