using System.Net;
using System.Text.Json;
using XiqingSearch.Core.Search.Engine;

namespace XiqingSearch.Server.Tests.Endpoints;

/// <summary><c>GET /api/suggest</c> and the hints of <c>GET /api/search</c> over the real server.</summary>
[Collection(ServerCollection.Name)]
public sealed class SuggestEndpointsTests(ServerFixture server)
{
    [Fact]
    public async Task Suggest_Prefix_ReturnsTheEnginesSuggestionsWithCounts()
    {
        using var engine = SearchEngine.Open(server.Options).ValueOrThrow();
        var expected = engine.Suggest("天开", 8).Suggestions;

        var json = await server.GetJsonAsync("/api/suggest?q=" + Uri.EscapeDataString("天开") + "&limit=8");
        Assert.Equal("天开", json.GetProperty("query").GetString());
        var suggestions = json.GetProperty("suggestions").EnumerateArray()
            .Select(s => (s.GetProperty("text").GetString()!, s.GetProperty("occurrences").GetInt32(), s.GetProperty("kind").GetString()!))
            .ToList();
        Assert.NotEmpty(suggestions);
        Assert.Equal(expected.Select(s => (s.Text, s.Occurrences, s.Kind)), suggestions);
        Assert.Contains(suggestions, s => s.Item1 == "天开西青园");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("51")]
    [InlineData("x")]
    public async Task Suggest_BadLimit_Is400NamingTheParameter(string limit)
    {
        using var response = await server.Client.GetAsync("/api/suggest?q=a&limit=" + limit);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("limit", body.RootElement.GetProperty("error").GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Suggest_NoQuery_IsAnEmptyList()
    {
        var json = await server.GetJsonAsync("/api/suggest");
        Assert.Equal(0, json.GetProperty("suggestions").GetArrayLength());
    }

    [Fact]
    public async Task Search_Typo_CarriesHintsInTheJson()
    {
        var json = await server.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("天开西清园"));
        Assert.Equal(0, json.GetProperty("totalHits").GetInt32());
        var hint = json.GetProperty("hints").GetProperty("didYouMean").EnumerateArray()
            .Single(s => s.GetProperty("suggestion").GetString() == "天开西青园");
        Assert.Equal(8, hint.GetProperty("occurrences").GetInt32());
        Assert.Equal(5, hint.GetProperty("hits").GetInt32());

        var found = await server.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("天开西青园"));
        Assert.False(found.TryGetProperty("hints", out _));
    }
}
