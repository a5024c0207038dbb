using XiqingSearch.Core.Search.Commit;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Search.Facets;

/// <summary>
/// Counts paragraphs and occurrences per facet value over all matches (not one page), each facet over the
/// matches that pass every filter but its own, one match at a time as the query finds them (<see cref="Add"/>).
/// A match's values are ordinals numbered when the commit was loaded (<see cref="FacetOrdinals"/>), so counting it
/// is one array increment per facet; the arrays are lent by the commit and given back on <see cref="Dispose"/>, so
/// a search allocates nothing per match and its memory does not grow with its hits. Each match's filters are
/// evaluated once (<see cref="FacetFilter.Evaluate"/>).
/// </summary>
internal sealed class FacetCounter : IDisposable
{
    private readonly ParagraphTable _table;
    private readonly FacetFilter _filter;
    private readonly FacetCounts _counts;
    private readonly int[] _drillDown;
    private readonly bool[]? _isDrillDown;
    private bool _returned;

    public FacetCounter(ParagraphTable table, FacetFilter filter)
    {
        _table = table;
        _filter = filter;
        _counts = table.Ordinals.Rent();
        // The selected level-1 chapters the commit has, in the order they were selected.
        var chapters1 = table.Ordinals.Chapters1;
        _drillDown = [.. filter.SelectedChapters1.Select(c => Array.IndexOf(chapters1, c)).Where(o => o >= 0)];
        if (_drillDown.Length > 0)
        {
            _isDrillDown = new bool[chapters1.Length];
            foreach (var ordinal in _drillDown)
            {
                _isDrillDown[ordinal] = true;
            }
        }
    }

    /// <summary>Counts one match (with <paramref name="occurrences"/>) in every facet whose filters it passes but that facet's own.</summary>
    public void Add(in RowKeys row, int occurrences, FacetMask fails)
    {
        if (fails == FacetMask.None)
        {
            // A hit counts everywhere: the common case, without the per-facet tests.
            _counts.Years.Add(row.YearOrdinal, occurrences);
            AddChapter(in row, occurrences);
            _counts.Documents.Add(row.Document, occurrences);
            var values = row.Values;
            var counts = _counts.Values;
            for (var k = 0; k < counts.Length; k++)
            {
                if (values[k] >= 0)
                {
                    counts[k].Add(values[k], occurrences);
                }
            }
            return;
        }
        if (PassesAllBut(fails, FacetMask.Year))
        {
            _counts.Years.Add(row.YearOrdinal, occurrences);
        }
        if (PassesAllBut(fails, FacetMask.Chapter))
        {
            AddChapter(in row, occurrences);
        }
        if (PassesAllBut(fails, FacetMask.Doc))
        {
            _counts.Documents.Add(row.Document, occurrences);
        }
        var keys = row.Values;
        for (var k = 0; k < _counts.Values.Length; k++)
        {
            if (keys[k] >= 0 && PassesAllBut(fails, FacetBits.Valued[k]))
            {
                _counts.Values[k].Add(keys[k], occurrences);
            }
        }
    }

    /// <summary>The facets of every match added.</summary>
    public SearchFacets Result()
    {
        var ordinals = _table.Ordinals;
        var filter = _filter;
        var chapterValues = Values(_counts.Chapters1, o => ordinals.Chapters1[o], o => filter.IsSelectedChapter(ordinals.Chapters1[o]));
        chapterValues.Sort(ByCountThenValue);
        foreach (var parent in _drillDown)
        {
            var children = new List<FacetValue>();
            var level2 = _counts.Chapters2;
            for (var i = 0; i < level2.TouchedCount; i++)
            {
                var ordinal = level2.Touched(i);
                if (ordinals.Chapter2Parents[ordinal] == parent)
                {
                    var key = ordinals.Chapters2[ordinal];
                    children.Add(Value(key, level2, ordinal, filter.IsSelectedChapter(key)) with { Parent = ordinals.Chapters1[parent] });
                }
            }
            children.Sort(ByCountThenValue);
            chapterValues.AddRange(children);
        }
        var yearValues = Values(_counts.Years, o => YearRange.Label(ordinals.Years[o]),
            o => filter.IsSelectedYear(ordinals.Years[o]));
        // Newest first; the unknown year is no year at all, so it comes after every year.
        yearValues.Sort((a, b) => (a.Value == YearRange.Unknown, b.Value == YearRange.Unknown) switch
        {
            (true, false) => 1,
            (false, true) => -1,
            _ => string.CompareOrdinal(b.Value, a.Value),
        });
        var docs = _counts.Documents;
        var docOrdinals = new int[docs.TouchedCount];
        for (var i = 0; i < docOrdinals.Length; i++)
        {
            docOrdinals[i] = docs.Touched(i);
        }
        Array.Sort(docOrdinals);
        var docValues = new List<FacetValue>(docOrdinals.Length);
        foreach (var ordinal in docOrdinals)
        {
            var document = _table.AllDocuments[ordinal];
            // One value made whole (not a copy `with` its label): the document facet of a common phrase lists thousands.
            docValues.Add(new FacetValue
            {
                Value = document.Doc,
                Count = docs.Count(ordinal),
                Occurrences = docs.Occurrences(ordinal),
                Selected = filter.IsSelectedDoc(document.Doc),
                Label = document.Title,
            });
        }
        var facets = FacetDeclarations.Empty with { Year = yearValues, Chapter = chapterValues, Doc = docValues };
        var valued = FacetDeclarations.Valued;
        for (var k = 0; k < valued.Count; k++)
        {
            // Most hits first: a value facet's order.
            var names = ordinals.Values[k];
            var facet = k;
            var values = Values(_counts.Values[k], o => names[o], o => filter.IsSelected(facet, names[o]));
            values.Sort(ByCountThenValue);
            facets = valued[k].With(facets, values);
        }
        return facets;
    }

    /// <summary>Gives the count arrays back to the commit (after <see cref="Result"/>).</summary>
    public void Dispose()
    {
        if (!_returned)
        {
            _returned = true;
            _table.Ordinals.Return(_counts);
        }
    }

    private void AddChapter(in RowKeys row, int occurrences)
    {
        if (row.Chapter1Ordinal < 0)
        {
            return;
        }
        _counts.Chapters1.Add(row.Chapter1Ordinal, occurrences);
        if (_isDrillDown is not null && row.Chapter2Ordinal >= 0 && _isDrillDown[row.Chapter1Ordinal])
        {
            _counts.Chapters2.Add(row.Chapter2Ordinal, occurrences);
        }
    }

    /// <summary>Most paragraphs first, then by value (ordinal), so equal counts list in a stable order.</summary>
    private static int ByCountThenValue(FacetValue a, FacetValue b)
    {
        var c = b.Count.CompareTo(a.Count);
        return c != 0 ? c : string.CompareOrdinal(a.Value, b.Value);
    }

    private static List<FacetValue> Values(OrdinalCounts counts, Func<int, string> value, Func<int, bool> selected)
    {
        var values = new List<FacetValue>(counts.TouchedCount);
        for (var i = 0; i < counts.TouchedCount; i++)
        {
            var ordinal = counts.Touched(i);
            values.Add(Value(value(ordinal), counts, ordinal, selected(ordinal)));
        }
        return values;
    }

    /// <summary>A row counts for a facet when it fails no filter other than that facet's own.</summary>
    private static bool PassesAllBut(FacetMask failed, FacetMask facet) => (failed & ~facet) == FacetMask.None;

    private static FacetValue Value(string value, OrdinalCounts counts, int ordinal, bool selected) =>
        new() { Value = value, Count = counts.Count(ordinal), Occurrences = counts.Occurrences(ordinal), Selected = selected };
}
