using System.Net;

namespace XiqingSearch.Server.Tests.Endpoints;

[Collection(ServerCollection.Name)]
public sealed class CorsTests(ServerFixture server)
{
    [Fact]
    public async Task Get_FromConfiguredOrigin_IsAllowed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=" + Uri.EscapeDataString("西青"));
        request.Headers.Add("Origin", ServerFixture.PortalOrigin);
        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ServerFixture.PortalOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Preflight_FromConfiguredOrigin_AllowsGet()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/search?q=x");
        request.Headers.Add("Origin", ServerFixture.PortalOrigin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "accept");
        using var response = await server.Client.SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ServerFixture.PortalOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("GET", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")));
    }

    [Fact]
    public async Task Get_FromOtherOrigin_HasNoCorsHeader()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/documents");
        request.Headers.Add("Origin", "http://evil.example");
        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Preflight_ForAdminPost_IsNotAllowed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/admin/reindex");
        request.Headers.Add("Origin", ServerFixture.PortalOrigin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        using var response = await server.Client.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Methods")
            && response.Headers.GetValues("Access-Control-Allow-Methods").Any(m => m.Contains("POST", StringComparison.Ordinal)));
    }
}
