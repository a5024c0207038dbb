using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging.Abstractions;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Problems;
using XiqingSearch.Server.Hosting;
using XiqingSearch.Server.Http;

namespace XiqingSearch.Server.Tests.Hosting;

/// <summary>
/// <see cref="RouteGuard"/>: the per-route concurrency limit (503 <c>server.busy</c> with Retry-After, never
/// queued), the time budget, and the per-commit cache of the costly routes.
/// </summary>
public sealed class RouteGuardTests
{
    private static (RouteGuard Guard, EngineHolder Holder) Guard(int concurrent, double timeoutSeconds = 10)
    {
        var settings = new ServerSettings
        {
            Index = new IndexOptions(),
            MaxConcurrentPerRoute = concurrent,
            QueryLimits = new() { Timeout = TimeSpan.FromSeconds(timeoutSeconds) },
        };
        var holder = new EngineHolder(settings, NullLogger<EngineHolder>.Instance);
        return (new RouteGuard(new SearchCache(holder, settings), holder, settings), holder);
    }

    private static DefaultHttpContext Request(string query)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);
        return context;
    }

    private static int? Status(IResult result) => (result as IStatusCodeHttpResult)?.StatusCode;

    [Fact]
    public async Task RunAsync_MoreThanTheLimitAtOnce_Is503BusyWithRetryAfter()
    {
        var (guard, holder) = Guard(concurrent: 2);
        using var _ = holder;
        using var release = new ManualResetEventSlim();
        var started = new CountdownEvent(2);
        Result<byte[]> Blocking(CancellationToken token)
        {
            started.Signal();
            release.Wait(TimeSpan.FromSeconds(30), CancellationToken.None);
            return "{}"u8.ToArray();
        }
        var first = guard.RunAsync(Request("?year=1"), "new-terms", ["year"], Blocking);
        var second = guard.RunAsync(Request("?year=2"), "new-terms", ["year"], Blocking);
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)));

        var third = Request("?year=3");
        var refused = await guard.RunAsync(third, "new-terms", ["year"], Blocking);
        // Another route has its own slots.
        var other = await guard.RunAsync(Request("?q=a"), "suggest", ["q"], _ => "{}"u8.ToArray());
        release.Set();

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, Status(refused));
        Assert.Equal(ServerProblems.Busy, ((JsonHttpResult<ErrorResponse>)refused).Value!.Error.Code);
        Assert.Equal("2", third.Response.Headers.RetryAfter.ToString());
        Assert.Null(Status(other));
        Assert.Null(Status(await first));
        Assert.Null(Status(await second));
    }

    [Fact]
    public async Task RunAsync_PastTheTimeBudget_Is503TimeoutAndTheSlotIsKeptUntilTheWorkEnds()
    {
        var (guard, holder) = Guard(concurrent: 1, timeoutSeconds: 0.2);
        using var _ = holder;
        using var release = new ManualResetEventSlim();
        var slow = Request("?year=1");

        var answer = await guard.RunAsync(slow, "compare", ["year"], _ =>
        {
            release.Wait(TimeSpan.FromSeconds(30), CancellationToken.None);
            return "{}"u8.ToArray();
        });
        // The work nobody waits for still holds the route's only slot: a second request is refused, not piled up.
        var next = await guard.RunAsync(Request("?year=2"), "compare", ["year"], _ => "{}"u8.ToArray());
        release.Set();

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, Status(answer));
        Assert.Equal(ProblemCodes.SearchTimeout, ((JsonHttpResult<ErrorResponse>)answer).Value!.Error.Code);
        Assert.False(string.IsNullOrEmpty(slow.Response.Headers.RetryAfter.ToString()));
        Assert.Equal(ServerProblems.Busy, ((JsonHttpResult<ErrorResponse>)next).Value!.Error.Code);
    }

    [Fact]
    public async Task RunAsync_SameParametersTwice_SecondComesFromTheCache_ExtraParametersIgnored()
    {
        var (guard, holder) = Guard(concurrent: 1);
        using var _ = holder;
        var runs = 0;
        Result<byte[]> Work(CancellationToken token)
        {
            Interlocked.Increment(ref runs);
            return "{\"terms\":[]}"u8.ToArray();
        }

        var first = await guard.RunAsync(Request("?year=2024&limit=5"), "new-terms", ["year", "limit"], Work);
        var second = await guard.RunAsync(Request("?limit=5&_=123&year=2024"), "new-terms", ["year", "limit"], Work);
        var other = await guard.RunAsync(Request("?year=2023&limit=5"), "new-terms", ["year", "limit"], Work);

        Assert.Equal(2, runs);
        Assert.Equal(((FileContentHttpResult)first).FileContents.ToArray(), ((FileContentHttpResult)second).FileContents.ToArray());
        Assert.IsType<FileContentHttpResult>(other);
    }
}
