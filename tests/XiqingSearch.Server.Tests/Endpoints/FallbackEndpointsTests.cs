using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using XiqingSearch.Server.Endpoints;
using XiqingSearch.Server.Hosting;

namespace XiqingSearch.Server.Tests.Endpoints;

/// <summary>The 404's route list and the HTTP warm-up both read the routes from the routing table.</summary>
[Collection(ServerCollection.Name)]
public sealed class FallbackEndpointsTests(ServerFixture server)
{
    [Fact]
    public async Task Routes_SignInConfigured_ListEveryMappedRoute()
    {
        // OpenID Connect maps the sign-in routes, which the API description leaves out; a client still calls them.
        await using var app = ServerApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
            "--index", server.Options.IndexDirectory, "--seeds", server.Options.SeedsDirectory,
            "--Xiqing:Auth:Mode=oidc", "--Xiqing:Auth:Oidc:Authority=https://id.example", "--Xiqing:Auth:Oidc:ClientId=xiqing"]);
        var endpoints = new CompositeEndpointDataSource(((IEndpointRouteBuilder)app).DataSources);

        var listed = FallbackEndpoints.Routes(endpoints);

        var mapped = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<WebAsset>() is null && !e.RoutePattern.Parameters.Any(p => p.IsCatchAll))
            .ToList();
        Assert.Contains(mapped, e => e.RoutePattern.RawText == "/auth/signin");
        foreach (var endpoint in mapped)
        {
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Where(m => m != HttpMethods.Head))
            {
                Assert.Contains(method + " " + endpoint.RoutePattern.RawText, listed);
            }
        }
        Assert.DoesNotContain(listed, route => route.EndsWith(".js", StringComparison.Ordinal) || route.EndsWith(".css", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WarmUpPaths_MappedRoutes_AllAnswer()
    {
        var paths = ServerWarmUp.Paths(server.App.Services.GetRequiredService<EndpointDataSource>(), "天开西青园");

        Assert.Contains("/", paths);
        Assert.Contains("/api/documents", paths);
        Assert.Contains("/api/facets", paths);
        Assert.Contains(paths, path => path.StartsWith("/api/search?q=" + Uri.EscapeDataString("天开西青园"), StringComparison.Ordinal));
        foreach (var path in paths)
        {
            using var response = await server.Client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, path + " → " + (int)response.StatusCode);
        }
    }
}
