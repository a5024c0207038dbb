using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Engine;

namespace XiqingSearch.Server.Hosting;

/// <summary>
/// The one <see cref="SearchEngine"/> of the server and its state. Requests read <see cref="Current"/> without
/// locking; the engine itself switches commits atomically on <see cref="Refresh"/>, so a request in flight
/// finishes on the commit it started with. <see cref="Generation"/> changes whenever the served commit may have
/// changed, which is what invalidates <see cref="SearchCache"/>.
/// </summary>
internal sealed class EngineHolder(ServerSettings settings, ILogger<EngineHolder> logger, SearchEngine? opened = null)
    : IDisposable
{
    private readonly Lock _gate = new();
    private SearchEngine? _opened = opened;
    private volatile SearchEngine? _engine;
    private volatile Problem? _problem = new(ServerProblems.NotReady, ServerMessages.IndexOpening);
    private long _generation;
    private volatile IReadOnlyList<Problem> _warnings = [];
    private string? _runningBuild;
    private readonly HashSet<string> _loggedDocumentWarnings = new(StringComparer.Ordinal);
    // Boxed, so a reader never sees half of a progress being written.
    private volatile System.Runtime.CompilerServices.StrongBox<IndexProgress>? _progress;
    private IndexState _found = IndexState.Current;

    /// <summary>Index, seeds and jar.</summary>
    public IndexOptions Options => settings.Index;

    /// <summary>True once the index is open.</summary>
    public bool IsReady => _engine is not null;

    /// <summary>
    /// False while the server warms up after the first open (<see cref="EngineService"/>), at most
    /// <see cref="ServerSettings.WarmUpBound"/>; /readyz waits for it, searches do not.
    /// </summary>
    public bool IsWarm { get; private set; }

    /// <summary>
    /// The engine's warm-up of the engine opened last (<see cref="SearchEngine.WarmUp"/>), which runs in the
    /// background from the moment the engine serves; completed when there is none.
    /// </summary>
    public Task EngineWarmUp => Volatile.Read(ref _engineWarmUp);

    private Task _engineWarmUp = Task.CompletedTask;
    private readonly CancellationTokenSource _stopping = new();
    private Task _startWarmUp = Task.CompletedTask;

    /// <summary>True while a warm-up runs in the background (the engine's, or the start-up's HTTP half): answers
    /// are the same, only slower. Shown in /readyz.</summary>
    public bool IsWarmingUp => !EngineWarmUp.IsCompleted || !Volatile.Read(ref _startWarmUp).IsCompleted;

    /// <summary>The start-up warm-up (<see cref="EngineService"/>), for <see cref="IsWarmingUp"/>.</summary>
    public void WarmingUp(Task warmUp) => Volatile.Write(ref _startWarmUp, warmUp);

    /// <summary>A query the engine's warm-up ran (taken from the index), for warming the HTTP path with.</summary>
    public string? WarmUpQuery { get; private set; }

    /// <summary>The start-up warm-up is over (done, failed or skipped).</summary>
    public void MarkWarm() => IsWarm = true;

    /// <summary>Changes (increases) whenever the served commit may have changed.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The engine, or why there is none yet (<c>server.not-ready</c>, or the open/build problem).</summary>
    public Result<SearchEngine> Current => _engine is { } engine
        ? Result<SearchEngine>.Ok(engine)
        : Result<SearchEngine>.Fail(_problem ?? new Problem(ServerProblems.NotReady, ServerMessages.IndexOpening));

    /// <summary>
    /// Why the served commit may be out of date: the problems of the last refused rebuild (a bad seed, a read-only
    /// index folder), until a rebuild succeeds. Shown in <c>/readyz</c>.
    /// </summary>
    public IReadOnlyList<Problem> Warnings => _warnings;

    /// <summary>The id of the rebuild running in this server, or null.</summary>
    public string? RunningBuild => Volatile.Read(ref _runningBuild);

    /// <summary>True while this server builds the index (at start, or a reindex).</summary>
    public bool IsBuilding => RunningBuild is not null;

    /// <summary>How far the running build has got (the last file done), or null before its first file.</summary>
    public IndexProgress? BuildProgress => IsBuilding ? _progress?.Value : null;

    /// <summary>
    /// Opens the index at start, or installs the engine the host was given already open. A commit that can serve
    /// (current, or stale: built from older seeds) is opened at once and serves while <see cref="CatchUp"/>
    /// rebuilds it; only a missing index (or one of another version) is built here first, while <c>/readyz</c>
    /// answers 503 with the build's progress. Called once at start, after the server listens.
    /// </summary>
    public void OpenOrBuild()
    {
        if (Interlocked.Exchange(ref _opened, null) is { } given)
        {
            Install(given);
            return;
        }
        logger.LogInformation("Opening index {Index} (seeds {Seeds})", Options.IndexDirectory, Options.SeedsDirectory);
        // Whether the sources changed since the commit (a stat of each source, 0.1–0.25 s at 5,000 sources) is
        // checked on the other core while the commit opens: the commit serves either way, and only a rebuild
        // behind it (CatchUp) waits for the answer. Open itself refuses a missing or incompatible index.
        var check = Task.Factory.StartNew(() => IndexBuilder.Check(Options), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var opened = SearchEngine.Open(Options);
        _found = check.GetAwaiter().GetResult();
        if (_found is IndexState.Current or IndexState.Stale)
        {
            Install(opened);
            if (_engine is not null)
            {
                return;
            }
        }
        else if (opened.IsSuccess)
        {
            // A build replaced the index between the check and the open: build as the check says.
            opened.Value.Dispose();
        }
        BuildAtStart(force: _found == IndexState.Incompatible,
            built => Install(built.IsSuccess ? SearchEngine.Open(Options) : Result<SearchEngine>.Fail(built.Problems)),
            CancellationToken.None);
        _found = IndexState.Current;
    }

    /// <summary>
    /// Rebuilds a stale index found at start, in the background, while its last good commit serves; then switches
    /// to the new commit. Nothing to do when the index was current.
    /// </summary>
    public void CatchUp(CancellationToken cancellationToken)
    {
        if (_found != IndexState.Stale || _engine is null)
        {
            return;
        }
        _found = IndexState.Current;
        BuildAtStart(force: false, built =>
        {
            if (built.IsSuccess)
            {
                _warnings = [];
                Refresh();
                Interlocked.Increment(ref _generation);
            }
            else if (built.Problems[0].Code != ProblemCodes.IndexBusy)
            {
                _warnings = built.Problems;
                foreach (var warning in built.Problems)
                {
                    logger.LogWarning("The index was not rebuilt; the last good commit serves: {Problem} [{Code}]", warning, warning.Code);
                }
            }
        }, cancellationToken);
    }

    // A start-up build holds the same slot as a reindex, so the two never run at once (nothing is done when a
    // reindex runs); the slot is kept until the new commit serves, so /readyz never says "done" before it does.
    private Result<BuildReport>? BuildAtStart(bool force, Action<Result<BuildReport>>? then, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        if (Interlocked.CompareExchange(ref _runningBuild, id, null) is not null)
        {
            return null;
        }
        try
        {
            logger.LogInformation("Building index {Index} (build {Build})", Options.IndexDirectory, id);
            var built = IndexBuilder.Build(Options, Progress(), force, cancellationToken);
            then?.Invoke(built);
            return built;
        }
        finally
        {
            Volatile.Write(ref _runningBuild, null);
        }
    }

    // Kept for /readyz as each file is done, and logged; synchronous, so /readyz never shows an older file.
    private IProgress<IndexProgress> Progress()
    {
        _progress = null;
        return new SyncProgress(p =>
        {
            _progress = new System.Runtime.CompilerServices.StrongBox<IndexProgress>(p);
            logger.LogInformation("Indexing {Stage}: {FilesDone}/{FilesTotal} files, {Paragraphs} paragraphs", p.Stage,
                p.FilesDone, p.FilesTotal, p.Paragraphs);
        });
    }

    private sealed class SyncProgress(Action<IndexProgress> report) : IProgress<IndexProgress>
    {
        public void Report(IndexProgress value) => report(value);
    }

    /// <summary>
    /// Switches to the newest commit (cheap when nothing changed); when no engine is open yet, tries to open one.
    /// Never throws: a failure is logged and the current commit keeps serving.
    /// </summary>
    public bool Refresh()
    {
        try
        {
            lock (_gate)
            {
                if (_engine is not { } engine)
                {
                    var opened = SearchEngine.Open(Options);
                    if (!opened.IsSuccess)
                    {
                        return false;
                    }
                    Install(opened);
                    return true;
                }
                if (!engine.Refresh())
                {
                    return false;
                }
                // A new commit (a rebuild by `xiqing index`, say) is built from the seeds as they are now.
                _warnings = [];
                Interlocked.Increment(ref _generation);
            }
            logger.LogInformation("Switched to a new index commit (generation {Generation})", Generation);
            LogDocumentWarnings(_engine!);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Refreshing the index failed; the current commit keeps serving");
            return false;
        }
    }

    /// <summary>
    /// Rebuilds the index from the seeds (force) and switches to it. One rebuild at a time: while one runs, another
    /// call returns at once with <c>index.busy</c> and the running build's id; a build by another process (the
    /// folder's lock) is <c>index.busy</c> too.
    /// </summary>
    public Rebuilt Rebuild(CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        if (Interlocked.CompareExchange(ref _runningBuild, id, null) is { } running)
        {
            return new Rebuilt(running, new Problem(ProblemCodes.IndexBusy,
                $"Rebuild {running} of {Options.IndexDirectory} is running; try again when it has finished.",
                Options.IndexDirectory));
        }
        try
        {
            logger.LogInformation("Rebuilding index {Index} (build {Build})", Options.IndexDirectory, id);
            var report = IndexBuilder.Build(Options, Progress(), force: true, cancellationToken);
            if (report.IsSuccess)
            {
                _warnings = [];
                Refresh();
                // Even when the engine saw no new commit, the cache must not outlive a rebuild.
                Interlocked.Increment(ref _generation);
            }
            else
            {
                if (report.Problems[0].Code != ProblemCodes.IndexBusy)
                {
                    _warnings = report.Problems;
                }
                logger.LogWarning("Rebuild {Build} refused: {Problem}", id, report.Problems[0]);
            }
            return new Rebuilt(id, report);
        }
        finally
        {
            Volatile.Write(ref _runningBuild, null);
        }
    }

    private void Install(Result<SearchEngine> opened)
    {
        lock (_gate)
        {
            if (!opened.IsSuccess)
            {
                _problem = opened.Problems[0];
                logger.LogError("The index cannot be opened: {Problem}", opened.Problems[0]);
                return;
            }
            var previous = _engine;
            _engine = opened.Value;
            _problem = null;
            _warnings = opened.Value.Warnings;
            foreach (var warning in opened.Value.Warnings)
            {
                logger.LogWarning("The index was not rebuilt; the last good commit serves: {Problem} [{Code}]",
                    warning, warning.Code);
            }
            Interlocked.Increment(ref _generation);
            // Only reached when nothing was open, so no request can be holding the previous engine.
            previous?.Dispose();
            logger.LogInformation("Index open: {Index}", Options.IndexDirectory);
        }
        LogDocumentWarnings(opened.Value);
        // In the background: searches are answered meanwhile (slower, the same answers); at start /readyz waits
        // for it up to the warm-up bound (EngineService), so a load balancer sends traffic once the first search
        // is fast, or once the bound has passed on an index too large to warm up in it.
        // On a thread of its own, not the pool's: it runs for seconds, and on two cores a pool thread held by it
        // kept the bound's timer and the first /readyz waiting for the pool to grow (0.3–0.6 s at start).
        var engine = opened.Value;
        Volatile.Write(ref _engineWarmUp, Task.Factory.StartNew(() => WarmUp(engine), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default));
    }

    /// <summary>
    /// Logs what ingestion noted about each document (its year unknown, …), each warning once for the life of the
    /// process: a refresh to a new commit logs only the warnings it did not have before.
    /// </summary>
    private void LogDocumentWarnings(SearchEngine engine)
    {
        try
        {
            // The warnings alone: a summary per document (counting each one's paragraphs by kind) took 0.4–0.6 s
            // of the start-up at 5,000 documents, before the warm-up could begin.
            foreach (var (doc, file, warning) in engine.DocumentWarnings())
            {
                bool added;
                lock (_loggedDocumentWarnings)
                {
                    added = _loggedDocumentWarnings.Add(doc + "\u001f" + warning);
                }
                if (added)
                {
                    logger.LogWarning("Document {Doc} ({File}): {Warning}", doc, file, warning);
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Listing the documents' warnings failed");
        }
    }

    private void WarmUp(SearchEngine engine)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            foreach (var response in engine.WarmUp(cancellationToken: _stopping.Token))
            {
                WarmUpQuery ??= response.Query;
                System.Text.Json.JsonSerializer.Serialize(response, XiqingJson.Options);
            }
            logger.LogInformation("Warmed up in {Milliseconds} ms", (long)clock.Elapsed.TotalMilliseconds);
        }
        catch (OperationCanceledException)
        {
            // The server is stopping.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Warming is an optimisation: a failure must not keep a good index from serving.
            logger.LogWarning(e, "Warming up the index failed; serving anyway");
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        // A background warm-up stops after its current search, before the engine it searches is closed.
        _stopping.Cancel();
        EngineWarmUp.Wait(TimeSpan.FromSeconds(30));
        _stopping.Dispose();
        _engine?.Dispose();
        Interlocked.Exchange(ref _opened, null)?.Dispose();
    }
}

/// <summary>A rebuild's id and its report (or why it was refused).</summary>
internal sealed record Rebuilt(string BuildId, Result<BuildReport> Report);
