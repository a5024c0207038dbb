using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Search.Engine;

public sealed partial class SearchEngine
{
    /// <summary>
    /// The one start-up path of every front end (<see cref="IndexLifecycle.EnsureCurrent"/>): the index built when
    /// it is missing, stale or of another version, then opened as an engine. When a rebuild is refused but an older
    /// commit exists, that commit is opened and the problems are the engine's <see cref="Warnings"/>.
    /// </summary>
    public static Result<OpenedIndex<SearchEngine>> EnsureCurrent(IndexOptions options,
        IndexLifecycle.BuildRunner? runBuild = null, CancellationToken cancellationToken = default) =>
        IndexLifecycle.EnsureCurrent(options, warnings => Open(options, warnings), runBuild, cancellationToken);

    /// <summary>
    /// The counts a readiness probe reports, from the commit's document list alone: <see cref="Documents"/> makes a
    /// summary per document and counts each one's paragraphs by kind (5,000 documents and 628,000 rows at the
    /// 1,000-copy archive), which a probe polled every few milliseconds during start-up paid on every call, on
    /// the cores the open and the warm-up need. Equal to what <see cref="Documents"/> lists for the same caller.
    /// </summary>
    public DocumentCounts CountDocuments(Access.Caller? caller = null)
    {
        var searcher = Acquire();
        try
        {
            var table = ViewOf(searcher.Table, caller).Table;
            var skipped = VisibleSkipped(searcher.Manifest?.Skipped ?? [], caller);
            var warnings = 0;
            foreach (var document in table.Documents)
            {
                warnings += document.Warnings.Count;
            }
            return new DocumentCounts(searcher.Table.Base.Documents.Count, table.Documents.Count, skipped.Count, warnings);
        }
        finally
        {
            Release(searcher);
        }
    }

    /// <summary>
    /// What ingestion noted about how each document of the served commit was read (its year unknown, …), in
    /// document order: for a front end that logs them at start, without a summary per document.
    /// </summary>
    public IReadOnlyList<DocumentWarning> DocumentWarnings()
    {
        var searcher = Acquire();
        try
        {
            return [.. searcher.Table.Base.Documents.SelectMany(d => d.Warnings.Select(w => new DocumentWarning(d.Doc, d.File, w)))];
        }
        finally
        {
            Release(searcher);
        }
    }
}
