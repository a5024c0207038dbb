using System.Collections.Concurrent;
using XiqingSearch.Server.Auth.Callers;

namespace XiqingSearch.Server.Hosting;

/// <summary>
/// What every costly route other than the search itself (new-terms, suggest, compare, a whole document, a CSV
/// export) runs inside: the answer cached per commit (<see cref="SearchCache"/>, keyed by the route and its known
/// parameters), at most <c>Xiqing:Routes:MaxConcurrent</c> requests of the route at once (more are 503
/// <c>server.busy</c> with Retry-After, at once, never queued), and the query time budget
/// (<c>Xiqing:Query:TimeoutSeconds</c>; past it 503 <c>search.timeout</c>). The work of an answer that ran past its
/// budget keeps its slot until it ends, so work nobody waits for any more can never pile up beyond the limit.
/// </summary>
internal sealed class RouteGuard(SearchCache cache, EngineHolder holder, ServerSettings settings)
{
    /// <summary>Seconds a client is told to wait when a route is busy.</summary>
    public const int RetryAfterSeconds = 2;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _slots = new(StringComparer.Ordinal);

    /// <summary>
    /// The answer of <paramref name="route"/> for this request: from the cache when this commit already answered
    /// the same parameters (<paramref name="parameters"/>, the route's known ones), else <paramref name="work"/>'s,
    /// run on one of the route's slots within the time budget. <paramref name="work"/> returns the JSON body to
    /// send and cache, or a problem.
    /// </summary>
    public async Task<IResult> RunAsync(HttpContext context, string route, IReadOnlyList<string> parameters,
        Func<CancellationToken, Result<byte[]>> work, string contentType = "application/json; charset=utf-8")
    {
        var generation = holder.Generation;
        var key = Key(context, route, parameters);
        if (cache.Get(key, generation) is { } cached)
        {
            return TypedResults.Bytes(cached, contentType);
        }
        var slot = _slots.GetOrAdd(route, _ => new SemaphoreSlim(settings.MaxConcurrentPerRoute));
        if (!slot.Wait(0))
        {
            return Busy(context, route);
        }
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var running = Task.Run(() =>
        {
            try
            {
                return work(budget.Token);
            }
            finally
            {
                slot.Release();
            }
        }, CancellationToken.None);
        var timeout = settings.QueryLimits.Timeout;
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            var finished = await Task.WhenAny(running, Task.Delay(timeout, context.RequestAborted).ContinueWith(_ => { },
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default));
            if (finished != running)
            {
                await budget.CancelAsync();
                if (context.RequestAborted.IsCancellationRequested)
                {
                    return TypedResults.Empty;
                }
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return ProblemMapper.ToResult(new Problem(ProblemCodes.SearchTimeout,
                    $"{route} took longer than its time budget of {timeout.TotalSeconds:0.#} s; try again, or narrow it."));
            }
        }
        Result<byte[]> result;
        try
        {
            result = await running;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return TypedResults.Empty;
        }
        if (!result.IsSuccess)
        {
            return ProblemMapper.ToResult(result.Problems[0]);
        }
        cache.Put(key, generation, result.Value);
        return TypedResults.Bytes(result.Value, contentType);
    }

    /// <summary>Takes one of <paramref name="route"/>'s slots for a streamed answer; null (and 503 written to
    /// <paramref name="refused"/>) when all are taken. Dispose the slot when the answer is written.</summary>
    public IDisposable? TrySlot(HttpContext context, string route, out IResult? refused)
    {
        var slot = _slots.GetOrAdd(route, _ => new SemaphoreSlim(settings.MaxConcurrentPerRoute));
        if (!slot.Wait(0))
        {
            refused = Busy(context, route);
            return null;
        }
        refused = null;
        return new Slot(slot);
    }

    private static IResult Busy(HttpContext context, string route)
    {
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return ProblemMapper.ToResult(new Problem(ServerProblems.Busy,
            $"{route} is answering as many requests as it may at once; try again in {RetryAfterSeconds} s."));
    }

    // The route and its known parameters in a fixed order, so a cache-busting extra parameter or another order
    // finds the same entry instead of filling memory with copies.
    private string Key(HttpContext context, string route, IReadOnlyList<string> parameters)
    {
        // What the caller may see first: an answer is never served to a caller who may see other documents.
        var engine = holder.Current;
        var key = new StringBuilder(engine.IsSuccess ? engine.Value.VisibilityKey(context.Caller()) : "-").Append('\n').Append(route);
        foreach (var (name, value) in context.Request.RouteValues.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            key.Append('/').Append(name).Append('=').Append(Uri.EscapeDataString(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
        }
        foreach (var name in parameters)
        {
            foreach (var value in context.Request.Query[name])
            {
                key.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value ?? ""));
            }
        }
        return key.ToString();
    }

    private sealed class Slot(SemaphoreSlim slot) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slot.Release();
            }
        }
    }
}
