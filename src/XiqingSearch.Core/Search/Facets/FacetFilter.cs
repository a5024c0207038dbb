using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Search.Commit;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Search.Facets;

/// <summary>
/// The request's filters, one predicate per facet. Values of one facet are ORed, facets are ANDed, and a facet's
/// counts leave its own filter out: the multi-select rule. <see cref="Evaluate"/> tests every filter of a row
/// once and returns which ones it fails, so hits and all facets come from one pass over the matches. The
/// selections are resolved to the commit's ordinals (<see cref="FacetOrdinals"/>) up front, so a row is tested
/// with array lookups.
/// </summary>
internal sealed class FacetFilter
{
    private readonly HashSet<string> _docs;
    private readonly bool[]? _kindPasses;

    /// <summary>Each value facet's selected values, by its place in <see cref="FacetDeclarations.Valued"/>.</summary>
    private readonly HashSet<string>[] _selected;
    private readonly YearRange[] _years;
    private readonly (IReadOnlyList<string> Path, string Joined)[] _chapters;
    private readonly HashSet<string> _selectedChapters;

    // By ordinal: does the value pass its facet's filter (null: the facet has no filter).
    private readonly bool[]? _yearPasses;
    private readonly bool[]? _docPasses;

    /// <summary>By value facet, then ordinal; null for a value facet with no filter. Only the filtered ones are tested.</summary>
    private readonly bool[]?[] _valuePasses;
    private readonly int[] _filteredValues;
    private readonly bool[]? _chapter1Passes;
    private readonly bool[]? _chapter2Passes;
    private readonly IReadOnlyList<string>[] _deepChapters;
    private readonly ParagraphTable _table;
    private readonly bool? _ocr;

    public FacetFilter(SearchRequest request, ParagraphTable table)
    {
        _years = [.. request.Years];
        _docs = new HashSet<string>(request.Docs, StringComparer.Ordinal);
        _table = table;
        _ocr = request.Ocr;
        var kinds = new HashSet<string>(request.Kinds, StringComparer.Ordinal);
        _kindPasses = kinds.Count == 0 ? null : [.. ParagraphKindNames.All.Select(kinds.Contains)];
        _selected = [.. FacetDeclarations.Valued.Select(f => new HashSet<string>(f.Filter.Values(request.Filters), StringComparer.Ordinal))];
        _chapters = [.. request.Chapters.Select(ChapterPath.Split).Where(p => p.Count > 0).Select(p => (p, ChapterPath.Join(p)))];
        _selectedChapters = new HashSet<string>(_chapters.Select(c => c.Joined), StringComparer.Ordinal);

        var ordinals = table.Ordinals;
        _yearPasses = _years.Length == 0 ? null : [.. ordinals.Years.Select(YearPasses)];
        _docPasses = _docs.Count == 0 ? null : [.. table.AllDocuments.Select(d => _docs.Contains(d.Doc))];
        _valuePasses = [.. _selected.Select((selected, k) => selected.Count == 0 ? null : ordinals.Values[k].Select(selected.Contains).ToArray())];
        _filteredValues = [.. Enumerable.Range(0, _selected.Length).Where(k => _selected[k].Count > 0)];
        if (_chapters.Length > 0)
        {
            // Level 1 and 2 are in doc values; only deeper paths need the stored heading path.
            var level1 = _chapters.Where(c => c.Path.Count == 1).Select(c => c.Path[0]).ToHashSet(StringComparer.Ordinal);
            var level2 = _chapters.Where(c => c.Path.Count == 2).Select(c => c.Joined).ToHashSet(StringComparer.Ordinal);
            _chapter1Passes = [.. ordinals.Chapters1.Select(level1.Contains)];
            _chapter2Passes = [.. ordinals.Chapters2.Select(level2.Contains)];
        }
        _deepChapters = [.. _chapters.Where(c => c.Path.Count > 2).Select(c => c.Path)];
    }

    /// <summary>True when the request filters nothing: every match is a hit.</summary>
    public bool SelectsAll =>
        _yearPasses is null && _chapter1Passes is null && _docPasses is null && _filteredValues.Length == 0 && _kindPasses is null && _ocr is null;

    /// <summary>Level-1 headings of the chapter filters (for the level-2 drill-down).</summary>
    public IEnumerable<string> SelectedChapters1 => _chapters.Select(c => c.Path[0]).Distinct(StringComparer.Ordinal);

    /// <summary>The facets whose filter <paramref name="row"/> fails; <see cref="FacetMask.None"/> when it is a hit.</summary>
    public FacetMask Evaluate(in RowKeys row, int docId)
    {
        var failed = FacetMask.None;
        if (_yearPasses is not null && !_yearPasses[row.YearOrdinal])
        {
            failed |= FacetMask.Year;
        }
        if (_chapter1Passes is not null && !ChapterPasses(in row, docId))
        {
            failed |= FacetMask.Chapter;
        }
        if (_docPasses is not null && !_docPasses[row.Document])
        {
            failed |= FacetMask.Doc;
        }
        foreach (var k in _filteredValues)
        {
            // A row without a value of the facet passes none of its selections.
            var ordinal = row.Values[k];
            if (ordinal < 0 || !_valuePasses[k]![ordinal])
            {
                failed |= FacetBits.Valued[k];
            }
        }
        if (_kindPasses is not null && (row.KindOrdinal < 0 || !_kindPasses[row.KindOrdinal]))
        {
            // Kind has no facet of its own: failing it excludes the row from every count.
            failed |= FacetMask.Kind;
        }
        if (_ocr is bool ocr && row.Ocr != ocr)
        {
            // Like kind, the OCR filter has no facet: failing it excludes the row from every count.
            failed |= FacetMask.Ocr;
        }
        return failed;
    }

    public bool IsSelectedYear(int year) => _years.Length > 0 && YearPasses(year);

    public bool IsSelectedDoc(string doc) => _docs.Contains(doc);

    /// <summary>True when <paramref name="value"/> of the value facet at place <paramref name="facet"/> is selected.</summary>
    public bool IsSelected(int facet, string value) => _selected[facet].Contains(value);

    public bool IsSelectedChapter(string joinedPath) => _selectedChapters.Contains(joinedPath);

    private bool YearPasses(int year)
    {
        foreach (var range in _years)
        {
            if (range.Contains(year))
            {
                return true;
            }
        }
        return false;
    }

    private bool ChapterPasses(in RowKeys row, int docId)
    {
        if (row.Chapter1Ordinal >= 0 && _chapter1Passes![row.Chapter1Ordinal])
        {
            return true;
        }
        if (row.Chapter2Ordinal >= 0 && _chapter2Passes![row.Chapter2Ordinal])
        {
            return true;
        }
        if (_deepChapters.Length == 0)
        {
            return false;
        }
        // Deeper paths are in the stored heading path only.
        var chapter = _table[docId]!.Chapter;
        foreach (var path in _deepChapters)
        {
            if (StartsWith(chapter, path))
            {
                return true;
            }
        }
        return false;
    }

    private static bool StartsWith(IReadOnlyList<string> chapter, IReadOnlyList<string> prefix)
    {
        if (prefix.Count > chapter.Count)
        {
            return false;
        }
        for (var i = 0; i < prefix.Count; i++)
        {
            if (prefix[i] != chapter[i])
            {
                return false;
            }
        }
        return true;
    }
}
