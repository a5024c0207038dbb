using XiqingSearch.Core.Ingestion;

namespace XiqingSearch.Core.Indexing;

/// <summary>
/// The one start-up path of every front end: find out whether the index matches its sources, build it when it is
/// missing, stale or of another version, and open it. The sources are listed once for both the check and the
/// build, and only those whose size or time changed since the last commit are read and hashed. What opens the
/// index is the caller's (the search engine, <c>SearchEngine.EnsureCurrent</c>): the index knows its own commits,
/// not what is built on them.
/// </summary>
public static class IndexLifecycle
{
    /// <summary>
    /// Runs a build the way a front end shows it: <paramref name="state"/> says why it is needed; the front end
    /// calls <paramref name="build"/> with its progress sink (or null) and returns what it returned.
    /// </summary>
    public delegate Result<BuildReport> BuildRunner(IndexState state, Func<IProgress<IndexProgress>?, Result<BuildReport>> build);

    /// <summary>
    /// The index made to match the sources, then opened by <paramref name="open"/>, and what it took. When a
    /// rebuild is refused (nothing in the seeds folder can be read, the index cannot be written) but an older
    /// commit exists, that commit is opened and <paramref name="open"/> is given the problems as warnings; with no
    /// older commit the problems are the result.
    /// </summary>
    public static Result<OpenedIndex<T>> EnsureCurrent<T>(IndexOptions options, Func<IReadOnlyList<Problem>, Result<T>> open,
        BuildRunner? runBuild = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(open);
        var manifest = IndexBuilder.ReadManifest(options.IndexDirectory, out var hasCommit);
        var files = CorpusReader.ListFiles(options.SeedsDirectory, manifest?.KnownSources());
        var state = IndexBuilder.Check(options, files, manifest, hasCommit);
        if (state == IndexState.Current)
        {
            return Opened(open([]), state, build: null);
        }
        Result<BuildReport> Build(IProgress<IndexProgress>? progress) => IndexBuilder.Build(options, files, progress,
            force: state == IndexState.Incompatible, BuildHooks.None, cancellationToken);
        var built = runBuild is null ? Build(null) : runBuild(state, Build);
        if (built.IsSuccess)
        {
            return Opened(open([]), state, built.Value);
        }
        return state == IndexState.Stale
            ? Opened(open(built.Problems), state, build: null)
            : Result<OpenedIndex<T>>.Fail(built.Problems);
    }

    private static Result<OpenedIndex<T>> Opened<T>(Result<T> engine, IndexState state, BuildReport? build) =>
        engine.IsSuccess ? new OpenedIndex<T>(engine.Value, state, build) : Result<OpenedIndex<T>>.Fail(engine.Problems);
}

/// <summary>An index opened by <see cref="IndexLifecycle.EnsureCurrent"/>.</summary>
/// <param name="Engine">What opened the index (the caller disposes it).</param>
/// <param name="Found">What the index was before: current, missing, stale or of another version.</param>
/// <param name="Build">The build that ran, or null when none ran or it was refused (see the engine's warnings).</param>
public sealed record OpenedIndex<T>(T Engine, IndexState Found, BuildReport? Build);
