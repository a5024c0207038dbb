namespace XiqingSearch.Server.Hosting;

/// <summary>
/// Opens (or, when there is none, first builds) the index in the background, so the server answers <c>/healthz</c>
/// at once and <c>/readyz</c> once searches can run; rebuilds a stale index while its last good commit serves; and
/// checks every few seconds for a newer commit, which is how a rebuild by <c>xiqing index</c> in another process
/// reaches a running server.
/// </summary>
internal sealed class EngineService(EngineHolder holder, ServerSettings settings, ILogger<EngineService> logger,
    IHostApplicationLifetime lifetime, Microsoft.AspNetCore.Hosting.Server.IServer server, EndpointDataSource endpoints)
    : BackgroundService
{
    /// <summary>
    /// Pool threads the process starts with at least. The start-up holds pool threads for seconds (the open, the
    /// analytics prepared beside the warm-up) while requests, the HTTP warm-up and the warm-up bound's timer need
    /// one too; at the default (one per core, so two) they waited for the pool to grow, which it does about twice
    /// a second.
    /// </summary>
    private const int MinPoolThreads = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ThreadPool.GetMinThreads(out var workers, out var completions);
        if (workers < MinPoolThreads)
        {
            ThreadPool.SetMinThreads(MinPoolThreads, completions);
        }
        try
        {
            await Task.Run(holder.OpenOrBuild, stoppingToken);
            if (holder.IsReady)
            {
                // Ready once warm, or once the bound has passed: the warm-up then goes on in the background.
                var warmUp = WarmUpAsync(stoppingToken);
                holder.WarmingUp(warmUp);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                await Task.WhenAny(warmUp, Task.Delay(settings.WarmUpBound, stoppingToken));
                if (!warmUp.IsCompleted)
                {
                    logger.LogInformation("Ready after {Milliseconds} ms of warm-up (the bound); the warm-up goes on in the background",
                        (long)clock.Elapsed.TotalMilliseconds);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not fatal: the loop below keeps trying to open the index, and /readyz says why it is not ready.
            logger.LogError(e, "Opening the index failed");
        }
        finally
        {
            holder.MarkWarm();
        }
        // A stale index found at start is rebuilt now, while its last good commit serves; the refresh loop runs
        // meanwhile, so a commit made by `xiqing index` elsewhere still reaches this server.
        var catchUp = Task.Run(() => holder.CatchUp(stoppingToken), stoppingToken);

        using var timer = new PeriodicTimer(settings.RefreshInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                holder.Refresh();
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
        try
        {
            await catchUp;
        }
        catch (OperationCanceledException)
        {
            // The start-up rebuild was stopped by the shutdown; the last good commit is untouched.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Rebuilding the index at start failed; the last good commit serves");
        }
    }

    /// <summary>The engine's warm-up, then the HTTP path's (which sends a query the engine's found).</summary>
    private async Task WarmUpAsync(CancellationToken stoppingToken)
    {
        try
        {
            await holder.EngineWarmUp.WaitAsync(stoppingToken);
            await ServerWarmUp.RunAsync(holder, lifetime, server, endpoints, logger, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }
}
