using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Engine;

namespace XiqingSearch.Core.Indexing;

/// <summary>
/// The one start-up path of every front end: find out whether the index matches its sources, build it when it is
/// missing, stale or of another version, and open it. The sources are listed once for both the check and the
/// build, and only those whose size or time changed since the last commit are read and hashed.
/// </summary>
public static class IndexLifecycle
{
    /// <summary>
    /// Runs a build the way a front end shows it: <paramref name="state"/> says why it is needed; the front end
    /// calls <paramref name="build"/> with its progress sink (or null) and returns what it returned.
    /// </summary>
    public delegate Result<BuildReport> BuildRunner(IndexState state, Func<IProgress<IndexProgress>?, Result<BuildReport>> build);

    /// <summary>
    /// An open engine over an index that matches the sources, and what it took. When a rebuild is refused (nothing
    /// in the seeds folder can be read, the index cannot be written) but an older commit exists, that commit is
    /// opened and the problems are the engine's <see cref="SearchEngine.Warnings"/>; with no older commit the
    /// problems are the result.
    /// </summary>
    public static Result<OpenedIndex> EnsureCurrent(IndexOptions options, BuildRunner? runBuild = null,
        CancellationToken cancellationToken = default)
    {
        var manifest = IndexBuilder.ReadManifest(options.IndexDirectory, out var hasCommit);
        var files = CorpusReader.ListFiles(options.SeedsDirectory, manifest?.KnownSources());
        var state = IndexBuilder.Check(options, files, manifest, hasCommit);
        if (state == IndexState.Current)
        {
            return Opened(SearchEngine.Open(options, []), state, build: null);
        }
        Result<BuildReport> Build(IProgress<IndexProgress>? progress) => IndexBuilder.Build(options, files, progress,
            force: state == IndexState.Incompatible, BuildHooks.None, cancellationToken);
        var built = runBuild is null ? Build(null) : runBuild(state, Build);
        if (built.IsSuccess)
        {
            return Opened(SearchEngine.Open(options, []), state, built.Value);
        }
        return state == IndexState.Stale
            ? Opened(SearchEngine.Open(options, built.Problems), state, build: null)
            : Result<OpenedIndex>.Fail(built.Problems);
    }

    private static Result<OpenedIndex> Opened(Result<SearchEngine> engine, IndexState state, BuildReport? build) =>
        engine.IsSuccess ? new OpenedIndex(engine.Value, state, build) : Result<OpenedIndex>.Fail(engine.Problems);
}

/// <summary>An engine opened by <see cref="IndexLifecycle.EnsureCurrent"/>.</summary>
/// <param name="Engine">The open engine (the caller disposes it).</param>
/// <param name="Found">What the index was before: current, missing, stale or of another version.</param>
/// <param name="Build">The build that ran, or null when none ran or it was refused (see the engine's warnings).</param>
public sealed record OpenedIndex(SearchEngine Engine, IndexState Found, BuildReport? Build);
