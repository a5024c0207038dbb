using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Search.Facets;

/// <summary>
/// The request's filters, one predicate per facet. Values of one facet are ORed, facets are ANDed, and a facet's
/// counts leave its own filter out: the multi-select rule. <see cref="Evaluate"/> tests every filter of a row
/// once and returns which ones it fails, so hits and all facets come from one pass over the matches.
/// </summary>
internal sealed class FacetFilter
{
    private readonly HashSet<string> _topics;
    private readonly HashSet<string> _docs;
    private readonly HashSet<string> _kinds;
    private readonly YearRange[] _years;
    private readonly (IReadOnlyList<string> Path, string Joined)[] _chapters;
    private readonly HashSet<string> _selectedChapters;

    public FacetFilter(SearchRequest request)
    {
        _years = [.. request.Years];
        _topics = new HashSet<string>(request.Topics, StringComparer.Ordinal);
        _docs = new HashSet<string>(request.Docs, StringComparer.Ordinal);
        _kinds = new HashSet<string>(request.Kinds, StringComparer.Ordinal);
        _chapters = [.. request.Chapters.Select(ChapterPath.Split).Where(p => p.Count > 0).Select(p => (p, ChapterPath.Join(p)))];
        _selectedChapters = new HashSet<string>(_chapters.Select(c => c.Joined), StringComparer.Ordinal);
    }

    /// <summary>Level-1 headings of the chapter filters (for the level-2 drill-down).</summary>
    public IEnumerable<string> SelectedChapters1 => _chapters.Select(c => c.Path[0]).Distinct(StringComparer.Ordinal);

    /// <summary>The facets whose filter <paramref name="row"/> fails; <see cref="FacetMask.None"/> when it is a hit.</summary>
    public FacetMask Evaluate(ParagraphRow row)
    {
        var failed = FacetMask.None;
        if (_years.Length > 0 && !YearPasses(row.Year))
        {
            failed |= FacetMask.Year;
        }
        if (_topics.Count > 0 && !_topics.Contains(row.Topic))
        {
            failed |= FacetMask.Topic;
        }
        if (_chapters.Length > 0 && !ChapterPasses(row))
        {
            failed |= FacetMask.Chapter;
        }
        if (_docs.Count > 0 && !_docs.Contains(row.Document.Doc))
        {
            failed |= FacetMask.Doc;
        }
        if (_kinds.Count > 0 && !_kinds.Contains(row.Kind))
        {
            // Kind has no facet of its own: failing it excludes the row from every count.
            failed |= FacetMask.Kind;
        }
        return failed;
    }

    public bool IsSelectedYear(int year) => _years.Length > 0 && YearPasses(year);

    public bool IsSelectedTopic(string topic) => _topics.Contains(topic);

    public bool IsSelectedDoc(string doc) => _docs.Contains(doc);

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

    private bool ChapterPasses(ParagraphRow row)
    {
        foreach (var (path, joined) in _chapters)
        {
            // Level 1 and 2 are in doc values; only deeper paths need the stored heading path.
            var passes = path.Count switch
            {
                1 => path[0] == row.Chapter1,
                2 => row.Chapter2 == joined,
                _ => StartsWith(row.Chapter, path),
            };
            if (passes)
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
