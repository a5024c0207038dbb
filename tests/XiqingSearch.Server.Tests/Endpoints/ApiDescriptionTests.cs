using System.Net;
using System.Text.Json;

namespace XiqingSearch.Server.Tests.Endpoints;

/// <summary>
/// Issue 34, item 10: OpenAPI parameters of the analytics routes, the 404's route list, compare as CSV, and
/// /api/facets' occurrences.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ApiDescriptionTests(ServerFixture server)
{
    private static string Q(params string[] phrases) => string.Join('&', phrases.Select(p => "q=" + Uri.EscapeDataString(p)));

    [Theory]
    [InlineData("/api/suggest", "q,limit")]
    [InlineData("/api/compare", "q,year,topic,chapter,heading,doc,kind,type,issuer,multiYear,format")]
    [InlineData("/api/new-terms", "year,since,limit,multiYear,topic,chapter,heading,doc,kind,type,issuer")]
    public async Task OpenApi_AnalyticsRoutes_HaveTypedParameters(string path, string names)
    {
        var doc = await server.GetJsonAsync("/openapi/v1.json");

        var parameters = doc.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray().ToList();
        Assert.Equal(names.Split(','), parameters.Select(p => p.GetProperty("name").GetString()));
        Assert.All(parameters, p =>
        {
            Assert.Equal("query", p.GetProperty("in").GetString());
            Assert.True(p.GetProperty("schema").TryGetProperty("type", out _), p.ToString());
            Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("description").GetString()));
        });
        var limit = parameters.FirstOrDefault(p => p.GetProperty("name").GetString() == "limit");
        if (limit.ValueKind == JsonValueKind.Object)
        {
            Assert.Equal("integer", limit.GetProperty("schema").GetProperty("type").GetString());
            Assert.True(limit.GetProperty("schema").TryGetProperty("maximum", out _));
        }
    }

    [Fact]
    public async Task OpenApi_CompareFormat_ListsCsv()
    {
        var doc = await server.GetJsonAsync("/openapi/v1.json");

        var format = doc.GetProperty("paths").GetProperty("/api/compare").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Single(p => p.GetProperty("name").GetString() == "format");
        Assert.Contains("csv", format.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task NoRoute_UnknownPath_ListsEveryDescribedRoute()
    {
        var doc = await server.GetJsonAsync("/openapi/v1.json");
        using var response = await server.Client.GetAsync("/api/nothing-here");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var message = body.GetProperty("error").GetProperty("message").GetString()!;
        var list = message[(message.IndexOf("Routes: ", StringComparison.Ordinal) + 8)..];
        var routes = list[..list.IndexOf(" (", StringComparison.Ordinal)].Split(", ");
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject())
            {
                Assert.Contains(method.Name.ToUpperInvariant() + " " + path.Name, routes);
            }
        }
        foreach (var route in new[] { "GET /api/suggest", "GET /api/compare", "GET /api/new-terms", "GET /", "POST /api/admin/reindex" })
        {
            Assert.Contains(route, routes);
        }
        Assert.DoesNotContain("/app.js", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompareCsv_FormatCsv_ReturnsTheCellsAsCsv()
    {
        var json = await server.GetJsonAsync("/api/compare?" + Q("天开西青园", "高质量发展"));
        using var response = await server.Client.GetAsync("/api/compare?" + Q("天开西青园", "高质量发展") + "&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("phrase,year,period,occurrences,paragraphs,documents,per10k,total,first_year,last_year", lines[0]);
        var cells = json.GetProperty("rows").EnumerateArray()
            .SelectMany(row => row.GetProperty("cells").EnumerateArray().Select(cell =>
                $"{row.GetProperty("phrase").GetString()},{cell.GetProperty("year").GetInt32()},,{cell.GetProperty("occurrences").GetInt32()}"))
            .ToList();
        Assert.Equal(cells.Count, lines.Length - 1);
        for (var i = 0; i < cells.Count; i++)
        {
            Assert.StartsWith(cells[i] + ",", lines[i + 1], StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("CSV")]
    public async Task CompareCsv_UnknownFormat_Is400NamingTheAllowedValues(string format)
    {
        using var response = await server.Client.GetAsync("/api/compare?" + Q("天开西青园") + "&format=" + format);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("format", body.GetProperty("parameter").GetString());
        // Worded by Core, as every unknown value is from both front ends; the values also as an argument.
        Assert.Contains("json, csv or docx", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("json, csv, docx", body.GetProperty("arguments").GetProperty("allowed").GetString());
    }

    [Fact]
    public async Task Facets_CorpusFacets_LeaveOutTheOccurrencesTheyDoNotCount()
    {
        var facets = await server.GetJsonAsync("/api/facets");
        var search = await server.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("发展"));

        foreach (var facet in facets.EnumerateObject())
        {
            Assert.All(facet.Value.EnumerateArray(), value =>
            {
                Assert.False(value.TryGetProperty("occurrences", out _), $"{facet.Name}: {value}");
                Assert.True(value.GetProperty("count").GetInt32() > 0);
            });
        }
        // A search's facets count occurrences of its query, and keep the field.
        Assert.All(search.GetProperty("facets").GetProperty("year").EnumerateArray(),
            value => Assert.True(value.GetProperty("occurrences").GetInt32() >= value.GetProperty("count").GetInt32()));
    }
}
