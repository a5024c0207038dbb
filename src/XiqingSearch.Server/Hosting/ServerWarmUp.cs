using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing.Patterns;
using XiqingSearch.Core.Search.Engine;

namespace XiqingSearch.Server.Hosting;

/// <summary>
/// The HTTP half of the start-up warm-up (the engine half is <see cref="Core.Search.Engine.SearchEngine.WarmUp"/>, run when the
/// commit is opened): once the server listens, it sends itself a few requests of each kind (search with facets
/// and paging, documents, facets, the page: every route that carries <see cref="WarmUpRequests"/>, read from the
/// routing table) so that routing, the endpoints' parameter binding and the JSON writers
/// are compiled before <c>/readyz</c> says ready. Without a listening address (an in-memory test server) it does
/// nothing. A failure is logged, never fatal.
/// </summary>
internal static class ServerWarmUp
{
    /// <summary>
    /// Marks the warm-up's own requests, so that they use no client's rate limit and leave nothing in the response
    /// cache. Its value is a secret of this process: no client can pass for the warm-up.
    /// </summary>
    public const string Header = "X-Xiqing-Warm-Up";

    private static readonly string Token = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    /// <summary>Whether the request is one the warm-up sent.</summary>
    public static bool IsWarmUp(HttpContext context) =>
        context.Request.Headers.TryGetValue(Header, out var value) && value.Count == 1 && value[0] == Token;

    /// <summary>
    /// The warm-up's requests: for every route that declares <see cref="WarmUpRequests"/>, its path with each of its
    /// query strings, <paramref name="phrase"/> in place of <see cref="WarmUpRequests.Phrase"/>.
    /// </summary>
    internal static IReadOnlyList<string> Paths(EndpointDataSource endpoints, string phrase) =>
        [.. endpoints.Endpoints.OfType<RouteEndpoint>()
            .SelectMany(endpoint => endpoint.Metadata.GetMetadata<WarmUpRequests>() is { } requests
                ? requests.Queries.Select(query => PathOf(endpoint.RoutePattern)
                    + query.Replace(WarmUpRequests.Phrase, Uri.EscapeDataString(phrase), StringComparison.Ordinal))
                : [])];

    private static string PathOf(RoutePattern pattern)
    {
        var text = pattern.RawText ?? "/";
        return text.StartsWith('/') ? text : "/" + text;
    }

    public static async Task RunAsync(EngineHolder holder, IHostApplicationLifetime lifetime, IServer server,
        EndpointDataSource endpoints, ILogger logger, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            return;
        }
        // A wildcard listening address is reached on the loopback interface.
        var baseAddress = new Uri(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://*", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://[::1]", StringComparison.Ordinal));
        var phrase = holder.WarmUpQuery ?? "\"\"";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Add(Header, Token);
            var paths = Paths(endpoints, phrase);
            // Until the JIT has recompiled the request path at full optimisation, as the engine's warm-up does.
            var rounds = await SearchEngine.UntilCompiledAsync(async () =>
            {
                foreach (var path in paths)
                {
                    using var response = await http.GetAsync(path, stoppingToken);
                    await response.Content.ReadAsByteArrayAsync(stoppingToken);
                }
            }, TimeSpan.FromSeconds(10), stoppingToken);
            logger.LogInformation("HTTP path warmed up in {Milliseconds} ms ({Rounds} rounds)", (long)clock.Elapsed.TotalMilliseconds, rounds);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            logger.LogWarning(e, "Warming up the HTTP path failed; serving anyway");
        }
    }
}
