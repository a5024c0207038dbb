using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace XiqingSearch.Server.Hosting;

/// <summary>
/// ASP.NET Core's rate limiter, per client address (<see cref="ClientAddress"/>: behind a trusted proxy, the
/// address it forwards) and minute: the admin endpoint always (guessing the key takes
/// many tries), search only when <c>Xiqing:RateLimit:SearchPerMinute</c> is set. A refused request is
/// <c>429</c> with the usual error body and <c>Retry-After</c>.
/// </summary>
internal static class RateLimits
{
    /// <summary>The policy of <c>POST /api/admin/reindex</c>.</summary>
    public const string Admin = "admin";

    /// <summary>The policy of <c>GET /api/search</c>.</summary>
    public const string Search = "search";

    public static void Add(IServiceCollection services, ServerSettings settings)
    {
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Admin, context => PerClient(context, settings.AdminRequestsPerMinute));
            options.AddPolicy(Search, context => PerClient(context, settings.SearchRequestsPerMinute));
            options.OnRejected = async (context, cancellationToken) =>
            {
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                await response.WriteAsJsonAsync(ProblemMapper.ToBody(new Problem(ServerProblems.RateLimited,
                    "Too many requests from this address; wait a minute and try again.")), XiqingJson.Options, cancellationToken);
            };
        });
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, int perMinute)
    {
        var client = ClientAddress.Of(context, context.RequestServices.GetRequiredService<ServerSettings>().TrustedProxies);
        if (ServerWarmUp.IsWarmUp(context))
        {
            // Its own partition: a partition's limiter is made once per key and then reused.
            return RateLimitPartition.GetNoLimiter("warm-up");
        }
        return perMinute <= 0
            ? RateLimitPartition.GetNoLimiter(client)
            : RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
    }
}
