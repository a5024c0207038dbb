using Lucene.Net.Index;
using Lucene.Net.Search;
using XiqingSearch.Core.Indexing;

namespace XiqingSearch.Core.Search.Query;

/// <summary>
/// <c>ocr:true</c>, the paragraphs recognised from scans (indexed with the term <c>ocr:true</c>), or <c>ocr:false</c>,
/// every other paragraph: exact text only. A filter: it matches with a score of 0, so it never changes the ranking.
/// Its own type so the parsed form reads <c>ocr:true</c> / <c>ocr:false</c>.
/// </summary>
internal sealed class OcrTextQuery : BooleanQuery
{
    public OcrTextQuery(bool recognised)
    {
        Recognised = recognised;
        var term = new ConstantScoreQuery(new TermQuery(new Term(FieldNames.Ocr, "true"))) { Boost = 0f };
        if (recognised)
        {
            Add(term, Occur.MUST);
        }
        else
        {
            Add(new ConstantScoreQuery(new MatchAllDocsQuery()) { Boost = 0f }, Occur.MUST);
            Add(term, Occur.MUST_NOT);
        }
    }

    /// <summary>True for <c>ocr:true</c>.</summary>
    public bool Recognised { get; }

    /// <inheritdoc/>
    public override string ToString(string field) => Recognised ? "ocr:true" : "ocr:false";
}
