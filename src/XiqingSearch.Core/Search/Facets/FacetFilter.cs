namespace XiqingSearch.Core.Search.Facets;

/// <summary>
/// The request's filters, one predicate per facet. Values of one facet are ORed, facets are ANDed, and
/// <see cref="PassesAllBut"/> leaves one facet out: the multi-select rule by which a facet's counts ignore its own
/// filter.
/// </summary>
internal sealed class FacetFilter
{
    private readonly SearchRequest _request;
    private readonly IReadOnlyList<IReadOnlyList<string>> _chapters;

    public FacetFilter(SearchRequest request)
    {
        _request = request;
        _chapters = [.. request.Chapters.Select(ChapterPath.Split).Where(p => p.Count > 0)];
    }

    /// <summary>Level-1 headings of the chapter filters (for the level-2 drill-down).</summary>
    public IEnumerable<string> SelectedChapters1 => _chapters.Select(p => p[0]).Distinct(StringComparer.Ordinal);

    public bool Passes(ParagraphRow row) => PassesAllBut(row, FacetName.None);

    public bool PassesAllBut(ParagraphRow row, FacetName except) =>
        (except == FacetName.Year || YearPasses(row))
        && (except == FacetName.Topic || _request.Topics.Count == 0 || _request.Topics.Contains(row.Topic, StringComparer.Ordinal))
        && (except == FacetName.Chapter || ChapterPasses(row))
        && (except == FacetName.Doc || _request.Docs.Count == 0 || _request.Docs.Contains(row.Document.Doc, StringComparer.Ordinal))
        && (_request.Kinds.Count == 0 || _request.Kinds.Contains(row.Kind, StringComparer.Ordinal));

    public bool IsSelectedYear(int year) => _request.Years.Any(r => r.Contains(year));

    public bool IsSelectedTopic(string topic) => _request.Topics.Contains(topic, StringComparer.Ordinal);

    public bool IsSelectedDoc(string doc) => _request.Docs.Contains(doc, StringComparer.Ordinal);

    public bool IsSelectedChapter(string joinedPath) =>
        _chapters.Any(p => ChapterPath.Join(p) == joinedPath);

    private bool YearPasses(ParagraphRow row) => _request.Years.Count == 0 || _request.Years.Any(r => r.Contains(row.Year));

    private bool ChapterPasses(ParagraphRow row)
    {
        if (_chapters.Count == 0)
        {
            return true;
        }
        foreach (var path in _chapters)
        {
            if (path.Count <= row.Chapter.Count && path.Select((h, i) => h == row.Chapter[i]).All(x => x))
            {
                return true;
            }
        }
        return false;
    }
}
