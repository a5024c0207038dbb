using Lucene.Net.Analysis;
using Lucene.Net.Search;
using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Search.Model;
using LuceneQuery = Lucene.Net.Search.Query;

namespace XiqingSearch.Core.Search.Query;

/// <summary>
/// <see cref="SearchRequest.Headings"/> as a query: the query must match, and so must one of the headings, each
/// the exact phrase in any heading of the chapter path, as the query field <c>chapter:</c> means. The heading
/// clause only filters; it adds nothing to the score, so the ranking is the query's own.
/// </summary>
internal static class HeadingFilter
{
    public static LuceneQuery Apply(LuceneQuery query, IReadOnlyList<string> headings, Analyzer smartCn)
    {
        var phrases = new PhraseQueryBuilder(smartCn);
        var anyHeading = new BooleanQuery();
        foreach (var heading in headings)
        {
            if (MatchFolding.Normalize(heading).Length > 0)
            {
                anyHeading.Add(phrases.Chapter(heading), Occur.SHOULD);
            }
        }
        if (anyHeading.Clauses.Count == 0)
        {
            return query;
        }
        return new BooleanQuery
        {
            { query, Occur.MUST },
            { new ConstantScoreQuery(anyHeading) { Boost = 0f }, Occur.MUST },
        };
    }
}
