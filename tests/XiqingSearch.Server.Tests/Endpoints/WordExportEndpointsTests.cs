using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using XiqingSearch.Core.Export;

namespace XiqingSearch.Server.Tests.Endpoints;

/// <summary><c>format=docx</c> on /api/search and /api/compare: a Word attachment of every hit, bounded as the CSV export.</summary>
[Collection(ServerCollection.Name)]
public sealed class WordExportEndpointsTests(ServerFixture server)
{
    private const string Park = "天开西青园";

    private static List<Run> HighlightedRuns(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return [.. document.MainDocumentPart!.Document!.Body!.Descendants<Run>()
            .Where(r => r.RunProperties?.Highlight is not null).Select(r => (Run)r.CloneNode(true))];
    }

    [Fact]
    public async Task SearchDocx_AnyPage_EveryOccurrenceOfEveryHitHighlighted()
    {
        var json = await server.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(Park));

        // limit and offset pick a page of the JSON; an export is never one page.
        using var response = await server.Client.GetAsync("/api/search?q=" + Uri.EscapeDataString(Park) + "&format=docx&limit=1&offset=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(WordExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".docx", response.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        var runs = HighlightedRuns(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(json.GetProperty("totalOccurrences").GetInt32(), runs.Count);
        Assert.All(runs, r => Assert.Equal(Park, r.InnerText));
    }

    [Fact]
    public async Task SearchDocx_OverTheExportLimit_Is413BeforeAnythingIsWritten()
    {
        var (app, client) = await ServerFixture.StartAsync(server.Options, "--Xiqing:Answers:MaxCsvRows=3");
        try
        {
            using var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(Park) + "&format=docx");
            var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");

            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Equal("answer.too-large", error.GetProperty("code").GetString());
            Assert.Equal("3", error.GetProperty("arguments").GetProperty("limit").GetString());
            Assert.Null(response.Content.Headers.ContentDisposition);
        }
        finally
        {
            client.Dispose();
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task CompareDocx_TwoPhrases_TableWithARowEach()
    {
        using var response = await server.Client.GetAsync("/api/compare?q=" + Uri.EscapeDataString(Park) + "&q=" + Uri.EscapeDataString("高质量发展") + "&format=docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(WordExport.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var rows = document.MainDocumentPart!.Document!.Body!.Descendants<TableRow>().Select(r => r.Elements<TableCell>().First().InnerText).ToList();
        Assert.Equal(["短语", Park, "高质量发展"], rows);
    }
}
