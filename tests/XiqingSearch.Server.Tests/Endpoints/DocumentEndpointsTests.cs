using System.Net;
using System.Text.Json;
using XiqingSearch.Core.Problems;

namespace XiqingSearch.Server.Tests.Endpoints;

[Collection(ServerCollection.Name)]
public sealed class DocumentEndpointsTests(ServerFixture server)
{
    [Fact]
    public async Task Documents_ListsEverySeedWithTitleYearAndCounts()
    {
        var docs = (await server.GetJsonAsync("/api/documents")).EnumerateArray().ToArray();

        var seeds = Directory.GetFiles(server.Options.SeedsDirectory, "*.txt").Select(Path.GetFileNameWithoutExtension).Order().ToArray();
        Assert.Equal(seeds, docs.Select(d => d.GetProperty("doc").GetString()).Order().ToArray());
        Assert.All(docs, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.GetProperty("title").GetString()));
            Assert.InRange(d.GetProperty("year").GetInt32(), 2000, 2100);
            Assert.True(d.GetProperty("paragraphs").GetInt32() > 0);
            Assert.True(d.TryGetProperty("period", out _));
        });
    }

    [Fact]
    public async Task Paragraph_OfAHit_ComesWithNeighboursAndChapterPath()
    {
        var search = await server.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("天开西青园") + "&sort=document");
        var hit = search.GetProperty("hits")[0];
        var doc = hit.GetProperty("doc").GetString()!;
        var n = hit.GetProperty("paragraph").GetInt32();

        var context = await server.GetJsonAsync($"/api/documents/{doc}/paragraphs/{n}?context=1");

        var paragraph = context.GetProperty("paragraph");
        Assert.Equal(n, paragraph.GetProperty("paragraph").GetInt32());
        Assert.Equal(hit.GetProperty("text").GetString(), paragraph.GetProperty("text").GetString());
        Assert.Equal(hit.GetProperty("chapter").ToString(), paragraph.GetProperty("chapter").ToString());
        var before = context.GetProperty("before").EnumerateArray().Select(p => p.GetProperty("paragraph").GetInt32()).ToArray();
        var after = context.GetProperty("after").EnumerateArray().Select(p => p.GetProperty("paragraph").GetInt32()).ToArray();
        Assert.Equal(n > 1 ? [n - 1] : [], before);
        Assert.Equal([n + 1], after);
    }

    [Theory]
    [InlineData("/api/documents/no-such-doc/paragraphs/1", HttpStatusCode.NotFound, ProblemCodes.NotFound)]
    [InlineData("/api/documents/{doc}/paragraphs/999999", HttpStatusCode.NotFound, ProblemCodes.NotFound)]
    [InlineData("/api/documents/{doc}/paragraphs/0", HttpStatusCode.BadRequest, ProblemCodes.BadParameter)]
    [InlineData("/api/documents/{doc}/paragraphs/abc", HttpStatusCode.BadRequest, ProblemCodes.BadParameter)]
    [InlineData("/api/documents/{doc}/paragraphs/1?context=21", HttpStatusCode.BadRequest, ProblemCodes.BadParameter)]
    public async Task Paragraph_BadAddress_AnswersWithErrorShape(string url, HttpStatusCode status, string code)
    {
        var doc = (await server.GetJsonAsync("/api/documents"))[0].GetProperty("doc").GetString()!;
        using var response = await server.Client.GetAsync(url.Replace("{doc}", doc, StringComparison.Ordinal));

        Assert.Equal(status, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Facets_WholeCorpus_CountEveryDocumentsParagraphs()
    {
        var facets = await server.GetJsonAsync("/api/facets");
        var docs = (await server.GetJsonAsync("/api/documents")).EnumerateArray().ToArray();

        var perDoc = facets.GetProperty("doc").EnumerateArray()
            .ToDictionary(f => f.GetProperty("value").GetString()!, f => f.GetProperty("count").GetInt32());
        foreach (var doc in docs)
        {
            Assert.Equal(doc.GetProperty("paragraphs").GetInt32(), perDoc[doc.GetProperty("doc").GetString()!]);
        }
        var years = facets.GetProperty("year").EnumerateArray().Select(f => f.GetProperty("value").GetString()).Order().ToArray();
        Assert.Equal(docs.Select(d => d.GetProperty("year").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order().ToArray(), years);
        Assert.NotEmpty(facets.GetProperty("topic").EnumerateArray());
        Assert.NotEmpty(facets.GetProperty("chapter").EnumerateArray());
    }
}
