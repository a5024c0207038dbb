using Lucene.Net.Index;
using Lucene.Net.Search;
using XiqingSearch.Core.Indexing;
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
/// A phrase that compiles to one exact phrase or one character on the text (<see cref="PlainPhrasePass"/>) is not
/// run as a query: such a query matches exactly where the phrase occurs, so all of them are matched together, in
/// one pass over the character field's postings, from the occurrences the search would count there.
/// </para>
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
    private TextGroups? _groups;

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
    /// its problem named after the phrase (before any is counted).
    /// </summary>
    /// <param name="phrases">The phrases, in row order.</param>
    /// <param name="compile">
    /// Compiles a phrase's request as a search would, its checks and limits included; the flag is true for the first
    /// phrase only, which checks what every phrase's request shares (page, filters): the others check their query.
    /// </param>
    public Result<List<PhraseColumnCounts>> Count(IReadOnlyList<string> phrases, Func<SearchRequest, bool, Result<CompiledQuery>> compile)
    {
        var compiled = new List<CompiledQuery>(phrases.Count);
        for (var p = 0; p < phrases.Count; p++)
        {
            var one = compile(RequestFor(phrases[p], _filters), p == 0);
            if (!one.IsSuccess)
            {
                // Name the phrase: the position in the problem is within it.
                return SearchMessages.InComparedPhrase(one.Problems[0], p + 1, phrases[p]);
            }
            compiled.Add(one.Value);
        }
        var counted = new List<PhraseColumnCounts>(phrases.Count);
        // By document ordinal: the phrase's last counted row there, so each document is counted once per phrase.
        var seenBy = new int[_table.AllDocuments.Count];
        // The matches of the phrases counted per distinct text, spread over the paragraphs at the end.
        using var byText = new TextMatches();
        // The plain phrases (one exact phrase or one code point, most of a comparison's) are matched together after.
        var plain = new List<PlainPhrasePass.Phrase>(compiled.Count);
        for (var p = 0; p < compiled.Count; p++)
        {
            var counts = new PhraseColumnCounts(new int[_columns], new int[_columns], new int[_columns]);
            CountPhrase(compiled[p], p, counts, seenBy, byText, plain);
            counted.Add(counts);
        }
        if (plain.Count > 0)
        {
            _groups ??= TextGroups.For(_searcher);
            new PlainPhrasePass(_searcher, _groups).Match(plain, (group, row, occurrences) => byText.Add(new TextMatch(group, row, occurrences)));
        }
        if (byText.Count > 0)
        {
            SpreadOverParagraphs(byText, counted);
        }
        return counted;
    }

    /// <summary>One phrase's match in one group of equal texts (<see cref="TextGroups"/>), with its occurrences there.</summary>
    private readonly record struct TextMatch(int Group, int Phrase, int Occurrences);

    /// <summary>
    /// The matches of a comparison, in an array of the shared pool. At a large size they are many (one per phrase
    /// and matched text: 108,000 over 50 phrases at 100× without repeated text), and a new array of that size per
    /// comparison is a large object, reclaimed only by a full collection.
    /// </summary>
    private sealed class TextMatches : IDisposable
    {
        private TextMatch[] _items = System.Buffers.ArrayPool<TextMatch>.Shared.Rent(1024);

        public int Count { get; private set; }

        public ReadOnlySpan<TextMatch> Items => _items.AsSpan(0, Count);

        public void Add(TextMatch match)
        {
            if (Count == _items.Length)
            {
                var bigger = System.Buffers.ArrayPool<TextMatch>.Shared.Rent(_items.Length * 2);
                Items.CopyTo(bigger);
                System.Buffers.ArrayPool<TextMatch>.Shared.Return(_items);
                _items = bigger;
            }
            _items[Count++] = match;
        }

        public void Dispose()
        {
            if (_items.Length > 0)
            {
                System.Buffers.ArrayPool<TextMatch>.Shared.Return(_items);
                _items = [];
            }
        }
    }

    private void CountPhrase(CompiledQuery query, int row, PhraseColumnCounts counts, int[] seenBy, TextMatches byText,
        List<PlainPhrasePass.Phrase> plain)
    {
        var phrases = query.Highlight.Select(p => p.Normalized).ToList();
        // Asked before the approximate clauses are added: those depend on the OCR flag, which the groups keep apart.
        var byDistinctText = _filters.Filters.Headings.Count == 0 && ReadsTextOnly(query.Lucene);
        // As the search: recognised text may hold the phrase misread, and its clauses are widened to those rows
        // (an index without recognised text has none).
        var approximate = _searcher.Table.HasOcr ? ApproximateMatches.Find(_searcher, phrases, CancellationToken.None) : null;
        if (byDistinctText && approximate is not { IsEmpty: false } && PlainPhrasePass.Of(MatchOnly(query.Lucene), row) is { } one)
        {
            plain.Add(one);
            return;
        }
        var lucene = MatchOnly(approximate is { IsEmpty: false }
            ? ApproximateClauses.Apply(query.Lucene, query.PhraseClauses, approximate.DocsByPhrase)
            : query.Lucene);
        var occurrences = new MatchOccurrences(_table, MatchOccurrences.CounterFor(_searcher, phrases), phrases,
            approximate is { IsEmpty: false } ? approximate : null);
        if (byDistinctText)
        {
            MatchRepresentatives(lucene, occurrences, row, byText);
            return;
        }
        // The heading filter (CLI --chapter, HTTP heading=) narrows the query itself, as in search.
        _searcher.Search(HeadingFilter.Apply(lucene, _filters.Filters.Headings, _smartCn),
            new ColumnCollector(this, occurrences, counts, seenBy, row + 1));
    }

    /// <summary>
    /// Matches the query on one paragraph of each group of equal texts only: the scorer accepts only the
    /// representatives (so positions are read only there), and it is advanced from one representative to the next
    /// (so the postings' skip lists pass over the paragraphs between; with few distinct texts, most of each list).
    /// </summary>
    private void MatchRepresentatives(Lucene.Net.Search.Query query, MatchOccurrences occurrences, int phrase, TextMatches byText)
    {
        _groups ??= TextGroups.For(_searcher);
        var weight = _searcher.CreateNormalizedWeight(query);
        foreach (var leaf in _searcher.IndexReader.Leaves)
        {
            var representatives = _groups.RepresentativesIn(leaf.Ord);
            if (representatives.Length == 0 || weight.GetScorer(leaf, _groups.AcceptedIn(leaf.Ord)) is not { } scorer)
            {
                continue;
            }
            occurrences.SetNextReader(leaf);
            occurrences.SetScorer(scorer);
            var doc = -1;
            var next = 0;
            while (next < representatives.Length)
            {
                var target = representatives[next];
                if (doc < target && (doc = scorer.Advance(target)) == DocIdSetIterator.NO_MORE_DOCS)
                {
                    break;
                }
                if (doc == target)
                {
                    var docId = leaf.DocBase + doc;
                    var count = occurrences.Exact(doc, docId) + occurrences.Approximate(docId);
                    byText.Add(new TextMatch(_groups.GroupOf(docId), phrase, count));
                    next++;
                    continue;
                }
                // The scorer is past this representative: on to the first at or after its match.
                var at = Array.BinarySearch(representatives, next + 1, representatives.Length - next - 1, doc);
                next = at >= 0 ? at : ~at;
            }
        }
    }

    /// <summary>
    /// Counts each group's matches into the columns of the paragraphs of that group that the caller sees and the
    /// filters pass: one pass over those paragraphs, document by document, counts how many of each matched group
    /// each column holds and marks each document once per phrase; then a phrase's paragraphs and occurrences in a
    /// column are its groups' paragraphs there, times its occurrences in each.
    /// </summary>
    private void SpreadOverParagraphs(TextMatches matches, List<PhraseColumnCounts> counted)
    {
        // Every array here is as large as the texts or the matches: from the shared pool (see TextMatches), cleared
        // where it is read before it is written.
        var pool = System.Buffers.ArrayPool<int>.Shared;
        var groups = _groups!;
        var byText = matches.Items;
        // The matched groups numbered 0.., and their matches by that number: slot k's are in [first[k], first[k + 1]).
        var slotOf = pool.Rent(groups.Count);
        var first = pool.Rent(Math.Min(groups.Count, byText.Length) + 1);
        var phraseAt = pool.Rent(byText.Length);
        var occurrencesAt = pool.Rent(byText.Length);
        var fill = pool.Rent(first.Length);
        var rowsIn = pool.Rent((first.Length - 1) * _columns);
        try
        {
            Spread(byText, counted, slotOf, first, phraseAt, occurrencesAt, fill, rowsIn);
        }
        finally
        {
            foreach (var array in (int[][])[slotOf, first, phraseAt, occurrencesAt, fill, rowsIn])
            {
                pool.Return(array);
            }
        }
    }

    private void Spread(ReadOnlySpan<TextMatch> byText, List<PhraseColumnCounts> counted, int[] slotOf, int[] first,
        int[] phraseAt, int[] occurrencesAt, int[] fill, int[] rowsIn)
    {
        var groups = _groups!;
        Array.Fill(slotOf, -1, 0, groups.Count);
        var slots = 0;
        foreach (var match in byText)
        {
            if (slotOf[match.Group] < 0)
            {
                slotOf[match.Group] = slots++;
            }
        }
        Array.Clear(first, 0, slots + 1);
        foreach (var match in byText)
        {
            first[slotOf[match.Group] + 1]++;
        }
        for (var k = 0; k < slots; k++)
        {
            first[k + 1] += first[k];
        }
        Array.Copy(first, fill, slots);
        foreach (var match in byText)
        {
            var at = fill[slotOf[match.Group]]++;
            phraseAt[at] = match.Phrase;
            occurrencesAt[at] = match.Occurrences;
        }

        // By slot and column: the paragraphs of the group counted in the column.
        Array.Clear(rowsIn, 0, slots * _columns);
        var lastDocument = new int[counted.Count];
        Array.Fill(lastDocument, -1);
        // Without a filter on paragraphs, every paragraph of a document the caller sees counts in its column.
        var rowFilters = !(_filters.Filters with { Docs = [] }).IsEmpty;
        foreach (var document in _table.Documents)
        {
            var documentColumn = _columnOf[document.Ordinal];
            if (documentColumn < 0)
            {
                continue;
            }
            var docIds = groups.DocIdsOf(document.Ordinal);
            var groupOf = groups.GroupsOf(document.Ordinal);
            for (var row = 0; row < groupOf.Length; row++)
            {
                var slot = slotOf[groupOf[row]];
                var column = slot < 0 ? -1 : rowFilters ? ColumnOf(docIds[row]) : documentColumn;
                if (column < 0)
                {
                    continue;
                }
                rowsIn[(slot * _columns) + column]++;
                for (var k = first[slot]; k < first[slot + 1]; k++)
                {
                    var phrase = phraseAt[k];
                    if (lastDocument[phrase] != document.Ordinal)
                    {
                        lastDocument[phrase] = document.Ordinal;
                        counted[phrase].Documents[column]++;
                    }
                }
            }
        }
        for (var slot = 0; slot < slots; slot++)
        {
            for (var column = 0; column < _columns; column++)
            {
                var rows = rowsIn[(slot * _columns) + column];
                if (rows == 0)
                {
                    continue;
                }
                for (var k = first[slot]; k < first[slot + 1]; k++)
                {
                    var counts = counted[phraseAt[k]];
                    counts.Paragraphs[column] += rows;
                    counts.Occurrences[column] += rows * occurrencesAt[k];
                }
            }
        }
    }

    /// <summary>
    /// The column the paragraph at <paramref name="docId"/> counts in: its document's, when the caller sees it and
    /// it passes every filter but the document one (the columns hold only the selected documents); else -1.
    /// </summary>
    private int ColumnOf(int docId)
    {
        ref readonly var keys = ref _table.KeysOf(docId);
        if (!keys.Exists)
        {
            return -1;
        }
        var column = _columnOf[keys.Document];
        return column < 0 || (_filter.Evaluate(in keys, docId) & ~FacetMask.Doc) != FacetMask.None ? -1 : column;
    }

    /// <summary>
    /// True when <paramref name="query"/> reads only the paragraph's text (its character and SmartCn fields), so
    /// that paragraphs of equal text match it alike: phrases, prefixes and words combined by AND, OR and NOT. A
    /// field of the document (title, year, type, …) or a query of all paragraphs is not.
    /// </summary>
    internal static bool ReadsTextOnly(Lucene.Net.Search.Query query)
    {
        switch (query)
        {
            case BooleanQuery boolean when boolean.GetType() == typeof(BooleanQuery):
                foreach (var clause in boolean.Clauses)
                {
                    if (!ReadsTextOnly(clause.Query))
                    {
                        return false;
                    }
                }
                return true;
            case ExactPhraseQuery phrase:
                return IsTextField(phrase.Field);
            case TermQuery term:
                return IsTextField(term.Term.Field);
            case MultiTermQuery multi:
                return IsTextField(multi.Field);
            default:
                return false;
        }
    }

    private static bool IsTextField(string field) => field is FieldNames.TextChars or FieldNames.Text;

    /// <summary>
    /// The query without what only ranks: a boolean query with a required clause matches what its required and
    /// prohibited clauses match, whatever its optional ones do, so those are left out, at every level (a comparison
    /// reads no score; its phrases are also compiled without their SmartCn ranking words). A query of optional
    /// clauses only (<c>A OR B</c>) keeps them: they match.
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
    /// Counts each match of a query that reads more than the text into its document's column, as
    /// <see cref="AllMatchesCollector"/> counts it into the document facet (the same <see cref="MatchOccurrences"/>).
    /// </summary>
    private sealed class ColumnCollector(CompareCounter owner, MatchOccurrences occurrences, PhraseColumnCounts counts,
        int[] seenBy, int mark) : ICollector
    {
        private int _docBase;

        // In order, as the search's collector: the occurrence counter reads postings forwards.
        public bool AcceptsDocsOutOfOrder => false;

        public void SetScorer(Scorer scorer) => occurrences.SetScorer(scorer);

        public void SetNextReader(AtomicReaderContext context)
        {
            _docBase = context.DocBase;
            occurrences.SetNextReader(context);
        }

        public void Collect(int doc)
        {
            var docId = _docBase + doc;
            if (owner.ColumnOf(docId) is not (>= 0 and var column))
            {
                return;
            }
            counts.Occurrences[column] += occurrences.Exact(doc, docId) + occurrences.Approximate(docId);
            counts.Paragraphs[column]++;
            var document = owner._table.KeysOf(docId).Document;
            if (seenBy[document] != mark)
            {
                seenBy[document] = mark;
                counts.Documents[column]++;
            }
        }
    }
}
