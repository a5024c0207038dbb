using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using LuceneQuery = Lucene.Net.Search.Query;

namespace XiqingSearch.Core.Search.Query;

/// <summary>
/// Lets each phrase clause of a query also match the paragraphs where the phrase occurs approximately (recognised
/// text only, found beforehand by the engine): the clause becomes "the exact phrase OR one of those paragraphs",
/// so AND, OR and the filters apply to approximate occurrences exactly as to exact ones. A phrase under NOT is
/// left exact: an approximate reading is no reason to leave a paragraph out.
/// </summary>
internal static class ApproximateClauses
{
    /// <summary>
    /// The score of a paragraph matched only approximately, before its other clauses: low, as the engine ranks
    /// every exact hit above the approximate ones anyway.
    /// </summary>
    private const float ApproximateBoost = 0.1f;

    /// <summary>
    /// <paramref name="query"/> with each phrase clause of <paramref name="phrases"/> that has paragraphs in
    /// <paramref name="docsByPhrase"/> (top-level doc ids by folded phrase) widened to them; changes the query's
    /// boolean clauses in place (a compiled query is used by one search) and returns the root.
    /// </summary>
    public static LuceneQuery Apply(LuceneQuery query, IReadOnlyDictionary<LuceneQuery, TextPhrase> phrases,
        IReadOnlyDictionary<string, FixedBitSet> docsByPhrase)
    {
        if (phrases.TryGetValue(query, out var phrase))
        {
            if (!docsByPhrase.TryGetValue(phrase.Normalized, out var docs))
            {
                return query;
            }
            return new BooleanQuery
            {
                { query, Occur.SHOULD },
                { new ConstantScoreQuery(new DocSetFilter(docs)) { Boost = ApproximateBoost }, Occur.SHOULD },
            };
        }
        if (query is BooleanQuery boolean and not UnknownYearQuery and not OcrTextQuery)
        {
            foreach (var clause in boolean.Clauses)
            {
                if (clause.Occur != Occur.MUST_NOT)
                {
                    clause.Query = Apply(clause.Query, phrases, docsByPhrase);
                }
            }
        }
        return query;
    }

    /// <summary>A fixed set of top-level doc ids, cut per segment.</summary>
    private sealed class DocSetFilter(FixedBitSet docs) : Filter
    {
        public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
        {
            var maxDoc = context.AtomicReader.MaxDoc;
            var segment = new FixedBitSet(Math.Max(1, maxDoc));
            var any = false;
            var end = Math.Min(docs.Length, context.DocBase + maxDoc);
            for (var docId = context.DocBase < docs.Length ? docs.NextSetBit(context.DocBase) : -1; docId >= 0 && docId < end;
                docId = docId + 1 < docs.Length ? docs.NextSetBit(docId + 1) : -1)
            {
                segment.Set(docId - context.DocBase);
                any = true;
            }
            return any ? BitsFilteredDocIdSet.Wrap(segment, acceptDocs) : null!;
        }

        public override string ToString() => "approximate";
    }
}
