using Lucene.Net.Search;
using XiqingSearch.Core.Indexing;

namespace XiqingSearch.Core.Search.Query;

/// <summary>
/// <c>year:unknown</c>: the paragraphs of documents whose year is unknown, which are written with no year field,
/// so they are every paragraph that has no year term. Its own type so the parsed form reads <c>year:unknown</c>.
/// </summary>
internal sealed class UnknownYearQuery : BooleanQuery
{
    public UnknownYearQuery()
    {
        Add(new MatchAllDocsQuery(), Occur.MUST);
        Add(NumericRangeQuery.NewInt32Range(FieldNames.Year, null, null, true, true), Occur.MUST_NOT);
    }

    /// <inheritdoc/>
    public override string ToString(string field) => "year:unknown";
}
