using System.Net;
using System.Text.RegularExpressions;

namespace XiqingSearch.Server.Tests.Endpoints;

/// <summary>The page's ES modules: every file the page imports is served, as JavaScript, to any origin.</summary>
[Collection(ServerCollection.Name)]
public sealed partial class PageEndpointsTests(ServerFixture server)
{
    [GeneratedRegex(@"<script type=""module"" src=""([^""]+)""")]
    private static partial Regex ModuleScript();

    [GeneratedRegex("""^import [^;]* from '([^']+)';""", RegexOptions.Multiline)]
    private static partial Regex StaticImport();

    [Fact]
    public async Task EveryModuleThePageImports_IsServedAsJavaScriptToAnyOrigin()
    {
        var html = await server.Client.GetStringAsync("/");
        var pending = new Queue<Uri>(ModuleScript().Matches(html).Select(m => new Uri(server.Client.BaseAddress!, m.Groups[1].Value)));
        Assert.Contains(pending, u => u.AbsolutePath == "/app.js");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var module))
        {
            if (!seen.Add(module.AbsolutePath))
            {
                continue;
            }
            using var request = new HttpRequestMessage(HttpMethod.Get, module);
            request.Headers.Add("Origin", "http://portal-not-in-the-cors-list.example");
            using var response = await server.Client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK, module + ": " + (int)response.StatusCode);
            Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
            // A browser runs a module of another origin (embed.js in a portal) only when CORS allows it.
            Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
            var source = await response.Content.ReadAsStringAsync();
            foreach (Match import in StaticImport().Matches(source))
            {
                pending.Enqueue(new Uri(module, import.Groups[1].Value));
            }
        }
        // The entry, the analytics view and the modules they import: state, API client, the panels.
        Assert.Contains("/modules/state.js", seen);
        Assert.Contains("/modules/api.js", seen);
        Assert.Contains("/modules/results.js", seen);
        Assert.True(seen.Count >= 10, string.Join(", ", seen));
    }

    [GeneratedRegex(@"(\w+): (\d+)")]
    private static partial Regex LimitEntry();

    [Fact]
    public async Task LimitsModule_ServesCoresRequestLimits_AndThePageWritesNoneItself()
    {
        var limits = await server.Client.GetStringAsync("/modules/limits.js");
        var app = await server.Client.GetStringAsync("/app.js");

        var served = LimitEntry().Matches(limits).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(XiqingSearch.Server.Hosting.WebAssets.ClientLimits, served);
        Assert.Equal(Core.Search.Model.SearchLimits.MaxQueryLength, served["maxQueryLength"]);
        Assert.Contains("from './modules/limits.js'", app, StringComparison.Ordinal);
        Assert.Contains("maxlength: LIMITS.maxQueryLength", app, StringComparison.Ordinal);
        Assert.DoesNotContain(Core.Search.Model.SearchLimits.MaxQueryLength.ToString(System.Globalization.CultureInfo.InvariantCulture), app, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FacetsModule_ServesTheDeclaredFacets_AndThePageNamesNoPlainFacet()
    {
        var served = await server.Client.GetStringAsync("/modules/facetlist.js");

        // Every declared facet, by name and label, in the declared order: the page lists its boxes from this.
        var at = Core.Search.Model.FacetDeclarations.All.Select(d => served.IndexOf("\"" + d.Name + "\"", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, at);
        Assert.Equal(at.Order(), at);
        Assert.All(Core.Search.Model.FacetDeclarations.All, d => Assert.Contains(d.Label, Regex.Unescape(served), StringComparison.Ordinal));
        // A facet of plain values (issuer, topic) is named by no page module: adding one touches none of them.
        foreach (var module in new[] { "/modules/facets.js", "/modules/state.js" })
        {
            var text = await server.Client.GetStringAsync(module);
            Assert.Contains("from './facetlist.js'", text, StringComparison.Ordinal);
            foreach (var facet in Core.Search.Model.FacetDeclarations.Valued.Where(d => d.Name != "type"))
            {
                Assert.DoesNotContain(facet.Name, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Api_FromAnOriginNotInTheCorsList_StillHasNoCorsHeader()
    {
        // Only the page's files are open to every origin; the API stays behind Xiqing:Cors:Origins.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=" + Uri.EscapeDataString("西青"));
        request.Headers.Add("Origin", "http://portal-not-in-the-cors-list.example");
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
