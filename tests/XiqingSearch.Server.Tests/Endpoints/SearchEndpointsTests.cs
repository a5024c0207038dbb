using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Server.Tests.Endpoints;

[Collection(ServerCollection.Name)]
public sealed class SearchEndpointsTests(ServerFixture server)
{
    private const string Park = "天开西青园";

    [Fact]
    public async Task Search_SameQueryAsCli_ReturnsTheCliJson()
    {
        // The CLI's --format json is XiqingJson.Options over engine.Search; the server must give the same bytes
        // (but for tookMs, a wall time).
        using var engine = SearchEngine.Open(server.Options).ValueOrThrow();
        var request = new SearchRequest { Query = Park, Limit = 20, Years = [new YearRange(2024, 2024)], Sort = SearchSort.Year };
        var cli = JsonNode.Parse(JsonSerializer.Serialize(engine.Search(request).ValueOrThrow(), XiqingJson.Options))!;

        using var response = await server.Client.GetAsync("/api/search?q=" + Uri.EscapeDataString(Park) + "&limit=20&year=2024&sort=year");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var http = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        cli.AsObject().Remove("tookMs");
        http.AsObject().Remove("tookMs");
        Assert.True(JsonNode.DeepEquals(cli, http), $"CLI:\n{cli.ToJsonString()}\nHTTP:\n{http.ToJsonString()}");
    }

    [Fact]
    public async Task Search_ParkName_HighlightsEightOccurrencesInTwoYears()
    {
        var json = await server.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(Park));

        Assert.Equal(8, json.GetProperty("totalOccurrences").GetInt32());
        var years = json.GetProperty("facets").GetProperty("year").EnumerateArray()
            .Where(y => y.GetProperty("occurrences").GetInt32() > 0).ToArray();
        Assert.Equal(2, years.Length);
        var spans = 0;
        foreach (var hit in json.GetProperty("hits").EnumerateArray())
        {
            var text = hit.GetProperty("text").GetString()!;
            foreach (var span in hit.GetProperty("highlights").EnumerateArray())
            {
                var start = span.GetProperty("start").GetInt32();
                var end = span.GetProperty("end").GetInt32();
                Assert.Equal(Park, text[start..end]);
                spans++;
            }
        }
        Assert.Equal(8, spans);
    }

    [Fact]
    public async Task Search_RepeatedYear_IsMultiSelectOr()
    {
        var all = await server.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(Park));
        var years = all.GetProperty("facets").GetProperty("year").EnumerateArray()
            .Where(y => y.GetProperty("count").GetInt32() > 0).Select(y => y.GetProperty("value").GetString()).ToArray();

        var one = await server.GetJsonAsync($"/api/search?q={Uri.EscapeDataString(Park)}&year={years[0]}");
        var both = await server.GetJsonAsync($"/api/search?q={Uri.EscapeDataString(Park)}&year={years[0]}&year={years[1]}");

        Assert.True(one.GetProperty("totalHits").GetInt32() < all.GetProperty("totalHits").GetInt32());
        Assert.Equal(all.GetProperty("totalHits").GetInt32(), both.GetProperty("totalHits").GetInt32());
        Assert.All(one.GetProperty("hits").EnumerateArray(),
            h => Assert.Equal(years[0], h.GetProperty("year").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("\"天开西青园")]
    [InlineData("(天开西青园")]
    public async Task Search_MalformedQuery_Returns400WithPosition(string q)
    {
        var error = await ErrorAsync("/api/search?q=" + Uri.EscapeDataString(q), HttpStatusCode.BadRequest);

        Assert.StartsWith("query.", error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        var position = error.GetProperty("position").GetInt32();
        Assert.InRange(position, 1, q.Length + 1);
        Assert.Equal(position - 1, error.GetProperty("offset").GetInt32());
    }

    [Fact]
    public async Task Search_QueryTooLong_Returns400AtTheFirstExtraCharacter()
    {
        var q = new string('西', SearchRequest.MaxQueryLength + 1);
        var error = await ErrorAsync("/api/search?q=" + Uri.EscapeDataString(q), HttpStatusCode.BadRequest);

        Assert.Equal(ProblemCodes.QueryTooLong, error.GetProperty("code").GetString());
        Assert.Equal(SearchRequest.MaxQueryLength + 1, error.GetProperty("position").GetInt32());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("sort=best", "sort")]
    [InlineData("sort=1", "sort")]
    [InlineData("year=20x4", "year")]
    [InlineData("year=2024..2021", "year")]
    public async Task Search_BadParameter_Returns400NamingIt(string parameter, string name)
    {
        var error = await ErrorAsync($"/api/search?q={Uri.EscapeDataString(Park)}&{parameter}", HttpStatusCode.BadRequest);

        Assert.Equal(ProblemCodes.BadParameter, error.GetProperty("code").GetString());
        Assert.Equal(name, error.GetProperty("parameter").GetString());
        Assert.Contains(name, error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("/api/search")]
    [InlineData("/api/search?q=")]
    [InlineData("/api/search?q=%20%20")]
    public async Task Search_NoQuery_Returns400NamingQ(string url)
    {
        var error = await ErrorAsync(url, HttpStatusCode.BadRequest);

        Assert.Equal("q", error.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Search_PagesThroughHits_InOrder()
    {
        var q = Uri.EscapeDataString("发展");
        var all = await server.GetJsonAsync($"/api/search?q={q}&limit=20&sort=document");
        var second = await server.GetJsonAsync($"/api/search?q={q}&limit=10&offset=10&sort=document");

        var ids = all.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()).ToArray();
        var page = second.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()).ToArray();
        Assert.Equal(ids[10..], page);
        Assert.Equal(10, second.GetProperty("offset").GetInt32());
    }

    private async Task<JsonElement> ErrorAsync(string url, HttpStatusCode expected)
    {
        using var response = await server.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{url} → {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("error").Clone();
    }
}
