using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Search.Commit;

namespace XiqingSearch.Core.Search.Engine;

/// <summary>
/// What BM25 does not know about policy documents. Its length normalisation puts a 14-character heading that
/// names the phrase above every paragraph that explains it, so for 京津冀协同发展 five headings came first. A
/// heading's score is weighed down by <see cref="HeadingWeight"/>: it still ranks, and where only headings name
/// the phrase (新质生产力) they still come first, but a paragraph about the phrase beats them. Judged on
/// <c>tests/XiqingSearch.Core.Tests/Search/Ranking/judged-queries.json</c>. Applied as each match is collected,
/// from the kind in doc values: nothing stored is read.
/// </summary>
internal static class RelevanceAdjustment
{
    /// <summary>Multiplier of a heading's score.</summary>
    public const float HeadingWeight = 0.7f;

    public static float Adjust(float score, in RowKeys row) =>
        row.IsHeading ? score * HeadingWeight : score;
}
