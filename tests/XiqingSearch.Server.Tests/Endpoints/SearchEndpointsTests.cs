using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using XiqingSearch.Core.Json;
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
    public async Task Search_FacetSize_CutsFacetsAndNamesWhatWasLeftOut()
    {
        var all = await server.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("发展") + "&facetSize=0");
        var cut = await server.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("发展") + "&facetSize=1");
        Assert.False(all.TryGetProperty("facetsOmitted", out _));
        var allDocs = all.GetProperty("facets").GetProperty("doc").GetArrayLength();
        Assert.True(allDocs > 1);
        Assert.Equal(1, cut.GetProperty("facets").GetProperty("doc").GetArrayLength());
        var omitted = cut.GetProperty("facetsOmitted").GetProperty("doc");
        Assert.Equal(allDocs - 1, omitted.GetProperty("values").GetInt32());
        Assert.True(omitted.GetProperty("count").GetInt32() > 0);
        Assert.True(omitted.GetProperty("occurrences").GetInt32() > 0);

        using var bad = await server.Client.GetAsync("/api/search?q=" + Uri.EscapeDataString("发展") + "&facetSize=-1");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("facetSize", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
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

    [Fact]
    public async Task Search_TypeFacet_CountsEveryTypeAndRepeatedTypeIsOr()
    {
        var all = await server.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("发展"));
        var types = all.GetProperty("facets").GetProperty("type").EnumerateArray()
            .ToDictionary(t => t.GetProperty("value").GetString()!, t => t.GetProperty("count").GetInt32());
        Assert.True(types.Count >= 2, "the seeds hold several document types");
        Assert.Equal(all.GetProperty("totalHits").GetInt32(), types.Values.Sum());

        var (first, second) = (types.Keys.First(), types.Keys.Last());
        var one = await server.GetJsonAsync($"/api/search?q={Uri.EscapeDataString("发展")}&type={first}");
        var both = await server.GetJsonAsync($"/api/search?q={Uri.EscapeDataString("发展")}&type={first}&type={second}");

        Assert.Equal(types[first], one.GetProperty("totalHits").GetInt32());
        Assert.Equal(types[first] + types[second], both.GetProperty("totalHits").GetInt32());
        // The type facet ignores its own selection and marks it.
        var facet = one.GetProperty("facets").GetProperty("type").EnumerateArray().ToList();
        Assert.Equal(types, facet.ToDictionary(t => t.GetProperty("value").GetString()!, t => t.GetProperty("count").GetInt32()));
        Assert.Equal([first], facet.Where(t => t.TryGetProperty("selected", out var s) && s.GetBoolean()).Select(t => t.GetProperty("value").GetString()));
        // Hits are of the selected type: their documents are listed under it.
        var docs = await server.GetJsonAsync("/api/documents");
        var typeOf = docs.EnumerateArray().ToDictionary(d => d.GetProperty("doc").GetString()!, d => d.GetProperty("type").GetString());
        Assert.All(one.GetProperty("hits").EnumerateArray(), h => Assert.Equal(first, typeOf[h.GetProperty("doc").GetString()!]));
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
        var q = new string('西', SearchLimits.MaxQueryLength + 1);
        var error = await ErrorAsync("/api/search?q=" + Uri.EscapeDataString(q), HttpStatusCode.BadRequest);

        Assert.Equal(ProblemCodes.QueryTooLong, error.GetProperty("code").GetString());
        Assert.Equal(SearchLimits.MaxQueryLength + 1, error.GetProperty("position").GetInt32());
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
    [InlineData("ocr=maybe", "ocr")]
    [InlineData("exact=yes", "exact")]
    public async Task Search_BadParameter_Returns400NamingIt(string parameter, string name)
    {
        var error = await ErrorAsync($"/api/search?q={Uri.EscapeDataString(Park)}&{parameter}", HttpStatusCode.BadRequest);

        Assert.Equal(ProblemCodes.BadParameter, error.GetProperty("code").GetString());
        Assert.Equal(name, error.GetProperty("parameter").GetString());
        Assert.Contains(name, error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("year=999", "year")]
    [InlineData("year=10000", "year")]
    [InlineData("offset=10001", "offset")]
    [InlineData("topic=a&topic=b&topic=c&topic=d&topic=e&topic=f&topic=g&topic=h&topic=i&topic=j&topic=k&topic=l&topic=m&topic=n&topic=o&topic=p&topic=q&topic=r&topic=s&topic=t&topic=u&topic=v&topic=w&topic=x&topic=y&topic=z&topic=aa&topic=ab&topic=ac&topic=ad&topic=ae&topic=af&topic=ag&topic=ah&topic=ai&topic=aj&topic=ak&topic=al&topic=am&topic=an&topic=ao&topic=ap&topic=aq&topic=ar&topic=as&topic=at&topic=au&topic=av&topic=aw&topic=ax&topic=ay", "topic")]
    public async Task Search_ValueOutsideSearchLimits_Returns400FromCoresRule(string parameter, string name)
    {
        // year=999 used to be accepted here while year:999 in the query was refused; the bounds are Core's now.
        var error = await ErrorAsync($"/api/search?q={Uri.EscapeDataString(Park)}&{parameter}", HttpStatusCode.BadRequest);

        Assert.Equal(ProblemCodes.BadParameter, error.GetProperty("code").GetString());
        Assert.Equal(name, error.GetProperty("parameter").GetString());
        Assert.StartsWith($"Parameter '{name}': ", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(error.TryGetProperty("arguments", out var arguments) && arguments.TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task Search_HeadingFilter_IsPartOfTheCacheKey()
    {
        // The same query with and without heading= are different answers; the cache once served one for the other.
        var q = Uri.EscapeDataString("发展");
        var all = await server.GetJsonAsync($"/api/search?q={q}");
        var under = await server.GetJsonAsync($"/api/search?q={q}&heading={Uri.EscapeDataString("京津冀")}");
        var again = await server.GetJsonAsync($"/api/search?q={q}");

        Assert.True(under.GetProperty("totalHits").GetInt32() < all.GetProperty("totalHits").GetInt32());
        Assert.True(under.GetProperty("totalHits").GetInt32() > 0);
        Assert.Equal(all.GetProperty("totalHits").GetInt32(), again.GetProperty("totalHits").GetInt32());
    }

    [Fact]
    public async Task Search_OcrFilter_KeepsTheTextAskedAndIsPartOfTheCacheKey()
    {
        // The seeds are all exact text: ocr=false keeps every hit, ocr=true none, and neither answer is served for the other.
        var q = Uri.EscapeDataString(Park);
        var all = await server.GetJsonAsync($"/api/search?q={q}");
        var exact = await server.GetJsonAsync($"/api/search?q={q}&ocr=false&exact=true");
        var recognised = await server.GetJsonAsync($"/api/search?q={q}&ocr=true");

        Assert.Equal(all.GetProperty("totalHits").GetInt32(), exact.GetProperty("totalHits").GetInt32());
        Assert.Equal(0, recognised.GetProperty("totalHits").GetInt32());
        Assert.All(exact.GetProperty("hits").EnumerateArray(), h => Assert.False(h.GetProperty("ocr").GetBoolean()));
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
