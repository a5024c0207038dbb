namespace XiqingSearch.Server.Hosting;

/// <summary>
/// Opens (or first builds) the index in the background, so the server answers <c>/healthz</c> at once and
/// <c>/readyz</c> once searches can run; then checks every few seconds for a newer commit, which is how a
/// rebuild by <c>xiqing index</c> in another process reaches a running server.
/// </summary>
internal sealed class EngineService(EngineHolder holder, ServerSettings settings, ILogger<EngineService> logger,
    IHostApplicationLifetime lifetime, Microsoft.AspNetCore.Hosting.Server.IServer server)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Run(holder.OpenOrBuild, stoppingToken);
            if (holder.IsReady)
            {
                await ServerWarmUp.RunAsync(holder, lifetime, server, logger, stoppingToken);
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
