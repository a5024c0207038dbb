using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Results;

namespace XiqingSearch.Core.Search;

/// <summary>
/// The query service over one index folder: search, paragraph lookup, documents, facets, stats.
/// Thread-safe; <see cref="Refresh"/> switches to the newest commit without disturbing searches in flight.
/// </summary>
public sealed class SearchEngine : IDisposable
{
    private SearchEngine() { }

    /// <summary>Opens the index; <c>index.missing</c> or <c>index.incompatible</c> when it cannot.</summary>
    public static Result<SearchEngine> Open(IndexOptions options) => throw new NotImplementedException();

    /// <summary>
    /// Opens the index, building it first when it is missing or stale (the seeds changed).
    /// Build progress goes to <paramref name="progress"/>.
    /// </summary>
    public static Result<SearchEngine> OpenOrBuild(IndexOptions options, IProgress<IndexProgress>? progress = null) =>
        throw new NotImplementedException();

    /// <summary>Runs one search.</summary>
    public Result<SearchResponse> Search(SearchRequest request) => throw new NotImplementedException();

    /// <summary>The indexed documents, in document order.</summary>
    public IReadOnlyList<DocumentSummary> Documents() => throw new NotImplementedException();

    /// <summary>A paragraph and up to <paramref name="context"/> neighbours each side; <c>request.not-found</c> when absent.</summary>
    public Result<ParagraphContext> GetParagraph(string doc, int paragraph, int context) => throw new NotImplementedException();

    /// <summary>Facet counts over the whole corpus (occurrences = 0).</summary>
    public SearchFacets CorpusFacets() => throw new NotImplementedException();

    /// <summary>Index statistics.</summary>
    public IndexStats Stats() => throw new NotImplementedException();

    /// <summary>Switches to the newest commit if there is one; true when it switched.</summary>
    public bool Refresh() => throw new NotImplementedException();

    /// <inheritdoc/>
    public void Dispose() { }
}
