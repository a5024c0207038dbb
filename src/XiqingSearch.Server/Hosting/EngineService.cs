namespace XiqingSearch.Server.Hosting;

/// <summary>
/// Opens (or first builds) the index in the background, so the server answers <c>/healthz</c> at once and
/// <c>/readyz</c> once searches can run; then checks every few seconds for a newer commit, which is how a
/// rebuild by <c>xiqing index</c> in another process reaches a running server.
/// </summary>
internal sealed class EngineService(EngineHolder holder, ServerSettings settings, ILogger<EngineService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Run(holder.OpenOrBuild, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not fatal: the loop below keeps trying to open the index, and /readyz says why it is not ready.
            logger.LogError(e, "Opening the index failed");
        }

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
    }
}
