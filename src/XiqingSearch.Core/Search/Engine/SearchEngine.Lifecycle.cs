using XiqingSearch.Core.Indexing;

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
}
