using Lucene.Net.Index;
using Lucene.Net.Search;
using XiqingSearch.Core.Search.Analytics;
using XiqingSearch.Core.Search.Commit;
using XiqingSearch.Core.Search.Facets;
using XiqingSearch.Core.Search.Highlighting;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Search.Query;

namespace XiqingSearch.Core.Search.Engine;

/// <summary>A phrase's counts in each column of a comparison, in the order of <see cref="YearColumns.Columns"/>.</summary>
internal sealed record PhraseColumnCounts(int[] Occurrences, int[] Paragraphs, int[] Documents);

/// <summary>
/// The counts of a comparison, phrase by phrase, straight from the matches into year columns. A search would do
/// the same matching and counting, then also count five facets over every document, rank a page, read and
/// highlight its stored paragraph and look for hints; a comparison needs none of that, so over 50 phrases those
/// were most of its cost. Each phrase is still matched and counted exactly as
/// <see cref="SearchEngine.Search(SearchRequest)"/> does for the same request (the same compiled query, the same
/// approximate matching of recognised text, the same occurrence counting and filters), and a cell is what that
/// search's document facet sums to for the column's documents; a test holds the two equal.
/// <para>
/// One commit's searcher is used for every phrase, so every row counts the same documents, and the per-commit
/// work (the caller's view, the filters resolved to ordinals, each document's column) is done once, not per phrase.
/// </para>
/// </summary>
internal sealed class CompareCounter
{
    private readonly TableSearcher _searcher;
    private readonly ParagraphTable _table;
    private readonly CompareRequest _filters;
    private readonly FacetFilter _filter;
    private readonly int[] _columnOf;
    private readonly int _columns;
    private readonly Lucene.Net.Analysis.Analyzer _smartCn;

    /// <param name="searcher">The commit's searcher, held by the caller for the whole comparison.</param>
    /// <param name="table">The caller's view of its table.</param>
    /// <param name="filters">The filters, as every phrase's search request carries them (<see cref="RequestFor"/>).</param>
    /// <param name="columns">Which column each document counts under (a document without one is not counted).</param>
    /// <param name="smartCn">The engine's SmartCn analyzer, which the heading filter matches with (as search does).</param>
    public CompareCounter(TableSearcher searcher, ParagraphTable table, CompareRequest filters, YearColumns columns, Lucene.Net.Analysis.Analyzer smartCn)
    {
        _smartCn = smartCn;
        _searcher = searcher;
        _table = table;
        _filters = filters;
        _filter = new FacetFilter(RequestFor(string.Empty, filters), table);
        var index = new Dictionary<YearColumn, int>();
        for (var i = 0; i < columns.Columns.Count; i++)
        {
            index[columns.Columns[i]] = i;
        }
        _columns = index.Count;
        _columnOf = new int[table.AllDocuments.Count];
        Array.Fill(_columnOf, -1);
        foreach (var document in table.Documents)
        {
            if (columns.TryGet(document, out var column))
            {
                _columnOf[document.Ordinal] = index[column];
            }
        }
    }

    /// <summary>
    /// The search request a comparison's phrase stands for: the phrase as the query, with the comparison's
    /// filters and caller. Its problems (a malformed phrase, a bad filter) are the comparison's.
    /// </summary>
    public static SearchRequest RequestFor(string phrase, CompareRequest filters) => new()
    {
        Query = phrase,
        Limit = 1,
        FacetSize = 0,
        Sort = SearchSort.Document,
        Filters = filters.Filters,
        Caller = filters.Caller,
    };

    /// <summary>
    /// Every phrase's counts per column, in phrase order; the first phrase that does not compile stops it, with
    /// its problem named after the phrase.
    /// </summary>
    /// <param name="phrases">The phrases, in row order.</param>
    /// <param name="compile">Compiles a phrase's request as a search would (its checks and limits included).</param>
    public Result<List<PhraseColumnCounts>> Count(IReadOnlyList<string> phrases, Func<SearchRequest, Result<CompiledQuery>> compile)
    {
        var counted = new List<PhraseColumnCounts>(phrases.Count);
        // By document ordinal: the phrase's last counted row there, so each document is counted once per phrase.
        var seenBy = new int[_table.AllDocuments.Count];
        for (var p = 0; p < phrases.Count; p++)
        {
            var compiled = compile(RequestFor(phrases[p], _filters));
            if (!compiled.IsSuccess)
            {
                // Name the phrase: the position in the problem is within it.
                return SearchMessages.InComparedPhrase(compiled.Problems[0], p + 1, phrases[p]);
            }
            var counts = new PhraseColumnCounts(new int[_columns], new int[_columns], new int[_columns]);
            CountPhrase(compiled.Value, counts, seenBy, p + 1);
            counted.Add(counts);
        }
        return counted;
    }

    private void CountPhrase(CompiledQuery query, PhraseColumnCounts counts, int[] seenBy, int mark)
    {
        var phrases = query.Highlight.Select(p => p.Normalized).ToList();
        // As the search: recognised text may hold the phrase misread, and its clauses are widened to those rows.
        var approximate = ApproximateMatches.Find(_searcher, phrases, CancellationToken.None);
        var lucene = MatchOnly(approximate is { IsEmpty: false }
            ? ApproximateClauses.Apply(query.Lucene, query.PhraseClauses, approximate.DocsByPhrase)
            : query.Lucene);
        var collector = new ColumnCollector(this, phrases.Count == 0 ? null : new OccurrenceCounter(_searcher, phrases), phrases,
            approximate is { IsEmpty: false } ? approximate : null, counts, seenBy, mark);
        // The heading filter (CLI --chapter, HTTP heading=) narrows the query itself, as in search.
        _searcher.Search(HeadingFilter.Apply(lucene, _filters.Filters.Headings, _smartCn), collector);
    }

    /// <summary>
    /// The query without what only ranks: a boolean query with a required clause matches what its required and
    /// prohibited clauses match, whatever its optional ones (a phrase's SmartCn words) do, so those are left out,
    /// at every level. A comparison reads no score, and the optional clauses' term statistics and weights were a
    /// large part of each phrase's fixed cost. A query of optional clauses only (<c>A OR B</c>) keeps them: they match.
    /// </summary>
    internal static Lucene.Net.Search.Query MatchOnly(Lucene.Net.Search.Query query)
    {
        if (query is not BooleanQuery boolean)
        {
            return query;
        }
        var required = boolean.Clauses.Any(c => c.Occur == Occur.MUST) && boolean.MinimumNumberShouldMatch == 0;
        var kept = new BooleanQuery(disableCoord: true);
        foreach (var clause in boolean.Clauses)
        {
            if (!(required && clause.Occur == Occur.SHOULD))
            {
                kept.Add(MatchOnly(clause.Query), clause.Occur);
            }
        }
        kept.MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch;
        return kept;
    }

    /// <summary>
    /// Counts each match into its document's column, as <see cref="AllMatchesCollector"/> counts it into the
    /// document facet: the occurrences from the phrase scorer's frequency or the postings (or the text, when the
    /// postings cannot count it alone), plus its approximate ones; a match counts when it passes every filter but
    /// the document one (the columns hold only the selected documents).
    /// </summary>
    private sealed class ColumnCollector(CompareCounter owner, OccurrenceCounter? occurrences, IReadOnlyList<string> phrases,
        ApproximateMatches? approximate, PhraseColumnCounts counts, int[] seenBy, int mark) : ICollector
    {
        private readonly bool _phraseFrequencyCounts = occurrences?.IsOneSelfDisjointPhrase == true;
        private Scorer? _phraseScorer;
        private int _docBase;

        // In order, as the search's collector: the occurrence counter reads postings forwards.
        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer) =>
            _phraseScorer = _phraseFrequencyCounts ? AllMatchesCollector.RequiredPhrase(scorer, occurrences!) : null;

        public void SetNextReader(AtomicReaderContext context)
        {
            _docBase = context.DocBase;
            occurrences?.SetNextReader(context);
        }

        public void Collect(int doc)
        {
            var docId = _docBase + doc;
            var table = owner._table;
            ref readonly var keys = ref table.KeysOf(docId);
            if (!keys.Exists)
            {
                return;
            }
            var column = owner._columnOf[keys.Document];
            if (column < 0 || (owner._filter.Evaluate(in keys, docId) & ~FacetMask.Doc) != FacetMask.None)
            {
                return;
            }
            var count = _phraseScorer is { } phrase && phrase.DocID == doc ? phrase.Freq : occurrences?.Count(doc) ?? 0;
            if (count == OccurrenceCounter.FromText)
            {
                count = OccurrenceFinder.Find(table[docId]!.Normalized, phrases).Count;
            }
            count += approximate?.Count(docId) ?? 0;
            counts.Occurrences[column] += count;
            counts.Paragraphs[column]++;
            if (seenBy[keys.Document] != mark)
            {
                seenBy[keys.Document] = mark;
                counts.Documents[column]++;
            }
        }
    }
}
