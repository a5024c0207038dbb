using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using XiqingSearch.Core.Json;
using XiqingSearch.Core.Search.Analytics;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Server.Tests.Endpoints;

/// <summary><c>GET /api/compare</c> and <c>GET /api/new-terms</c>: the engine's result model, and clear errors.</summary>
[Collection(ServerCollection.Name)]
public sealed class AnalyticsEndpointsTests(ServerFixture server)
{
    private static string Q(params string[] phrases) => string.Join("&", phrases.Select(p => "q=" + Uri.EscapeDataString(p)));

    private static JsonNode WithoutTime<T>(T value)
    {
        var node = JsonNode.Parse(JsonSerializer.Serialize(value, XiqingJson.Options))!;
        node.AsObject().Remove("tookMs");
        return node;
    }

    [Fact]
    public async Task Compare_SameAsTheEngine_WithTheContractFields()
    {
        using var engine = SearchEngine.Open(server.Options).ValueOrThrow();
        var expected = WithoutTime(engine.Compare(new CompareRequest { Phrases = ["天开西青园", "京津冀协同发展"], MultiYear = MultiYearMode.Own }).ValueOrThrow());

        using var response = await server.Client.GetAsync("/api/compare?" + Q("天开西青园", "京津冀协同发展") + "&multiYear=own");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var http = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(http["tookMs"]!.GetValue<double>() >= 0);
        http.AsObject().Remove("tookMs");
        Assert.True(JsonNode.DeepEquals(expected, http), $"engine:\n{expected.ToJsonString()}\nHTTP:\n{http.ToJsonString()}");

        var park = http["rows"]![0]!;
        Assert.Equal("天开西青园", park["phrase"]!.GetValue<string>());
        Assert.Equal(8, park["total"]!.GetValue<int>());
        Assert.Equal(2024, park["firstYear"]!.GetValue<int>());
        Assert.Equal(2025, park["lastYear"]!.GetValue<int>());
        var cell = park["cells"]!.AsArray().Single(c => c!["year"]!.GetValue<int>() == 2024 && c["period"] is null)!;
        foreach (var field in new[] { "occurrences", "paragraphs", "documents", "per10k" })
        {
            Assert.NotNull(cell[field]);
        }
        Assert.Equal(4, cell["occurrences"]!.GetValue<int>());
        Assert.Equal("own", http["multiYear"]!.GetValue<string>());
    }

    [Fact]
    public async Task Compare_YearAndTopicFilters_MatchSearch()
    {
        var json = await server.GetJsonAsync("/api/compare?" + Q("高质量发展") + "&year=2024&topic=" + Uri.EscapeDataString("产业发展"));
        var search = await server.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("高质量发展") + "&year=2024&topic=" + Uri.EscapeDataString("产业发展"));
        var cell = json.GetProperty("rows")[0].GetProperty("cells").EnumerateArray().Single();
        Assert.Equal(2024, cell.GetProperty("year").GetInt32());
        Assert.Equal(search.GetProperty("totalOccurrences").GetInt32(), cell.GetProperty("occurrences").GetInt32());
        Assert.Equal(search.GetProperty("totalHits").GetInt32(), cell.GetProperty("paragraphs").GetInt32());
    }

    [Theory]
    [InlineData("/api/compare", 400, "request.bad-parameter", "q")]
    [InlineData("/api/compare?q=%E8%A5%BF%E9%9D%92&multiYear=sometimes", 400, "request.bad-parameter", "multiYear")]
    [InlineData("/api/compare?q=%E8%A5%BF%E9%9D%92&year=20x4", 400, "request.bad-parameter", "year")]
    [InlineData("/api/compare?q=%E8%A5%BF%E9%9D%92&q=%22%E5%A4%A9%E5%BC%80", 400, "query.unclosed-quote", "q")]
    [InlineData("/api/new-terms", 400, "request.bad-parameter", "year")]
    [InlineData("/api/new-terms?year=abc", 400, "request.bad-parameter", "year")]
    [InlineData("/api/new-terms?year=2019", 404, "request.not-found", "year")]
    [InlineData("/api/new-terms?year=2025&limit=0", 400, "request.bad-parameter", "limit")]
    [InlineData("/api/new-terms?year=2025&multiYear=own", 400, "request.bad-parameter", "multiYear")]
    [InlineData("/api/new-terms?year=2023&since=2024", 400, "request.bad-parameter", "since")]
    public async Task BadRequests_AreClearErrors(string url, int status, string code, string parameter)
    {
        using var response = await server.Client.GetAsync(url);
        Assert.Equal(status, (int)response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task NewTerms_SameAsTheEngine_AndEachTermCountsAsSearchCountsIt()
    {
        using var engine = SearchEngine.Open(server.Options).ValueOrThrow();
        var expected = WithoutTime(engine.NewTerms(new NewTermsRequest { Year = 2025, Limit = 8 }).ValueOrThrow());

        var http = JsonNode.Parse(await (await server.Client.GetAsync("/api/new-terms?year=2025&limit=8")).Content.ReadAsStringAsync())!;
        http.AsObject().Remove("tookMs");
        Assert.True(JsonNode.DeepEquals(expected, http), $"engine:\n{expected.ToJsonString()}\nHTTP:\n{http.ToJsonString()}");
        Assert.Equal(2025, http["year"]!.GetValue<int>());
        var appeared = http["appeared"]!.AsArray();
        Assert.Equal(8, appeared.Count);
        foreach (var term in appeared)
        {
            var q = Uri.EscapeDataString(term!["term"]!.GetValue<string>());
            var inYear = await server.GetJsonAsync($"/api/search?q={q}&year=2025");
            var before = await server.GetJsonAsync($"/api/search?q={q}&year=2021..2024");
            Assert.Equal(term["occurrences"]!.GetValue<int>(), inYear.GetProperty("totalOccurrences").GetInt32());
            Assert.Equal(0, before.GetProperty("totalHits").GetInt32());
        }
        foreach (var term in http["disappeared"]!.AsArray())
        {
            Assert.NotNull(term!["lastYear"]);
            Assert.NotNull(term["occurrences"]);
        }
    }
}
