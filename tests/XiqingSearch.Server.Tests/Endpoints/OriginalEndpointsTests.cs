using System.Net;
using System.Text;
using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.AspNetCore.Builder;
using XiqingSearch.Core.Analysis.SmartCn;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Ingestion.Topics;
using XiqingSearch.Core.Problems;
using IndexOptions = XiqingSearch.Core.Indexing.IndexOptions;

namespace XiqingSearch.Server.Tests.Endpoints;

/// <summary>
/// A real index of the seeds, a real PDF, DOCX and HTML, a text with no year, catalogue metadata, and a document
/// in a subfolder (id <c>sub/nested</c>, with an HTML copy that holds a script) written into the commit.
/// </summary>
public sealed class OriginalsFixture : IAsyncLifetime
{
    public const string Nested = "sub/nested";
    public const string Undated = "undated";
    public const string Issuer = "天津市西青区人民政府";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "xiqing-originals-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public string Seeds => Path.Combine(_root, "seeds");

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Seeds);
        foreach (var file in System.IO.Directory.GetFiles(Path.Combine(ServerFixture.RepositoryRoot(), "seeds")))
        {
            var copy = Path.Combine(Seeds, Path.GetFileName(file));
            File.Copy(file, copy);
            File.SetAttributes(copy, FileAttributes.Normal);
        }
        var fixtures = Path.Combine(ServerFixture.RepositoryRoot(), "tests", "Fixtures", "Documents");
        File.Copy(Path.Combine(fixtures, "000_313d8db390bab93c.chromium.pdf"), Path.Combine(Seeds, "report.pdf"));
        File.Copy(Path.Combine(fixtures, "000_313d8db390bab93c.docx"), Path.Combine(Seeds, "letter.docx"));
        File.Copy(Path.Combine(fixtures, "000_313d8db390bab93c.html"), Path.Combine(Seeds, "page.html"));
        File.WriteAllText(Path.Combine(Seeds, Undated + ".txt"),
            "关于推进社区养老服务的通知\n\n各街道办事处：\n\n为推动社区养老服务高质量发展，现就有关事项通知如下。\n", new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(Seeds, Catalog.FileName),
            "{ \"documents\": { \"000_313d8db390bab93c\": { \"issuer\": \"" + Issuer + "\", \"number\": \"津西青政发〔2024〕1号\" } } }",
            new UTF8Encoding(false));
        // Seed 000 in three formats: kept apart here, so each format is served on its own.
        var options = new IndexOptions { IndexDirectory = Path.Combine(_root, "index"), SeedsDirectory = Seeds, KeepCopiesApart = true };
        IndexBuilder.Build(options).ValueOrThrow();
        AddNested(options);
        (_app, Client) = await ServerFixture.StartAsync(options);
    }

    /// <summary>Writes <c>sub/nested</c> into the commit as a build reading subfolders writes it, keeping the manifest.</summary>
    private void AddNested(IndexOptions options)
    {
        const string text = "关于推进社区养老服务的通知\n\n推动社区养老服务高质量发展。\n";
        var folder = Path.Combine(Seeds, "sub");
        System.IO.Directory.CreateDirectory(folder);
        var textPath = Path.Combine(folder, "nested.txt");
        var htmlPath = Path.Combine(folder, "nested.html");
        File.WriteAllText(textPath, text, new UTF8Encoding(false));
        File.WriteAllText(htmlPath, "<html><body><script>document.title='run'</script>社区养老服务</body></html>", new UTF8Encoding(false));
        var file = new SourceFile(textPath, "sub/nested.txt", Nested, new FileInfo(textPath).Length, "0");
        var document = CorpusReader.Parse(file, text, null, TopicAssigner.Default).ValueOrThrow() with
        {
            Copies = [new SourceFile(htmlPath, "sub/nested.html", Nested, new FileInfo(htmlPath).Length, "1")],
        };
        // The manifest lists the nested files too, so the server finds the index current and does not rebuild it
        // (a rebuild would merge the copies this fixture keeps apart, racing the tests).
        var manifest = IndexBuilder.ReadManifest(options.IndexDirectory, out _)! with
        {
            Files = [.. CorpusReader.ListFiles(Seeds).ValueOrThrow().Select(ManifestFile.Of)],
        };
        using var directory = FSDirectory.Open(options.IndexDirectory);
        using var smartCn = new SmartCnAnalyzer(IndexAnalyzers.SmartCnOptions(options));
        using var analyzer = IndexAnalyzers.Create(smartCn);
        using var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer) { OpenMode = OpenMode.APPEND });
        writer.AddDocuments(document.Paragraphs.Select(p => LuceneDocumentFactory.Create(document, p)));
        writer.SetCommitData(manifest.ToCommitData());
        writer.Commit();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        try
        {
            System.IO.Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }
}

public sealed class OriginalEndpointsTests(OriginalsFixture server) : IClassFixture<OriginalsFixture>
{
    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await server.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url} → {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<(HttpStatusCode Status, string? Code)> StatusOf(string url)
    {
        using var response = await server.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        var code = response.Content.Headers.ContentType?.MediaType == "application/json"
            ? JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("code").GetString() : null;
        return (response.StatusCode, code);
    }

    [Fact]
    public async Task Original_Pdf_InlineWithItsType()
    {
        using var response = await server.Client.GetAsync("/api/documents/report/original");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(server.Seeds, "report.pdf")), bytes);
    }

    [Theory]
    [InlineData("letter", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "letter.docx")]
    [InlineData("page", "text/html", "page.html")]
    [InlineData("undated", "text/plain", "undated.txt")]
    public async Task Original_NotPdf_AttachmentSandboxedNoSniff(string doc, string mediaType, string file)
    {
        using var response = await server.Client.GetAsync($"/api/documents/{doc}/original");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(file, response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(server.Seeds, file)), await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/api/documents/no-such-doc/original")]
    [InlineData("/api/documents/undated/original?file=..%2F..%2Findex%2Fsegments_1")]
    [InlineData("/api/documents/undated/original?file=..%2Fseeds%2Fundated.txt")]
    [InlineData("/api/documents/undated/original?file=catalog.json")]
    [InlineData("/api/documents/undated/original?file=%2Fetc%2Fpasswd")]
    [InlineData("/api/documents/sub/nested/original?file=sub%2F..%2Fcatalog.json")]
    [InlineData("/api/documents/..%2F..%2Fetc%2Fpasswd/original")]
    public async Task Original_UnknownDocumentOrFileOrTraversal_NotFound(string url)
    {
        var (status, code) = await StatusOf(url);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(ProblemCodes.NotFound, code);
    }

    [Fact]
    public async Task Routes_IdWithSlash_AsSegmentsAndAsPercentEncoded()
    {
        var documents = await GetJsonAsync("/api/documents");
        Assert.Contains(documents.EnumerateArray(), d => d.GetProperty("doc").GetString() == OriginalsFixture.Nested);
        foreach (var id in new[] { "sub/nested", "sub%2Fnested" })
        {
            var view = await GetJsonAsync($"/api/documents/{id}?q=" + Uri.EscapeDataString("养老服务"));
            Assert.Equal(OriginalsFixture.Nested, view.GetProperty("doc").GetString());
            Assert.True(view.GetProperty("totalOccurrences").GetInt32() > 0);
            var paragraph = await GetJsonAsync($"/api/documents/{id}/paragraphs/1?context=1");
            Assert.Equal(OriginalsFixture.Nested, paragraph.GetProperty("doc").GetString());
            using var original = await server.Client.GetAsync($"/api/documents/{id}/original");
            Assert.Equal(HttpStatusCode.OK, original.StatusCode);
            Assert.Equal("text/plain", original.Content.Headers.ContentType!.MediaType);
        }
        Assert.Equal((HttpStatusCode.NotFound, ProblemCodes.NotFound), await StatusOf("/api/documents/sub/nested/paragraphs/99"));
        Assert.Equal((HttpStatusCode.NotFound, ProblemCodes.NotFound), await StatusOf("/api/documents/sub/other"));
    }

    [Fact]
    public async Task Original_CopyByName_ServedSandboxed()
    {
        var summary = (await GetJsonAsync("/api/documents")).EnumerateArray().Single(d => d.GetProperty("doc").GetString() == OriginalsFixture.Nested);
        Assert.Equal(["sub/nested.html"], summary.GetProperty("copies").EnumerateArray().Select(c => c.GetString()));
        using var response = await server.Client.GetAsync("/api/documents/sub/nested/original?file=" + Uri.EscapeDataString("sub/nested.html"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Search_YearUnknown_KeepsUndatedAndMixes()
    {
        var unknown = await GetJsonAsync("/api/search?limit=100&q=" + Uri.EscapeDataString("高质量发展") + "&year=unknown");
        var hits = unknown.GetProperty("hits").EnumerateArray().ToList();
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal(JsonValueKind.Null, h.GetProperty("year").ValueKind));
        var years = unknown.GetProperty("facets").GetProperty("year").EnumerateArray().ToList();
        Assert.Equal("unknown", years[^1].GetProperty("value").GetString());

        var mixed = await GetJsonAsync("/api/search?limit=100&q=" + Uri.EscapeDataString("高质量发展") + "&year=2024&year=unknown");
        var mixedYears = mixed.GetProperty("hits").EnumerateArray()
            .Select(h => h.GetProperty("year").ValueKind == JsonValueKind.Null ? "unknown" : h.GetProperty("year").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Distinct().Order().ToList();
        Assert.Equal(["2024", "unknown"], mixedYears);
        Assert.Equal(HttpStatusCode.BadRequest, (await StatusOf("/api/search?q=x&year=unknownish")).Status);
    }

    [Fact]
    public async Task Search_IssuerFilter_AndFacetInApiFacets()
    {
        var facets = await GetJsonAsync("/api/facets");
        var issuer = facets.GetProperty("issuer").EnumerateArray().Single(v => v.GetProperty("value").GetString() == OriginalsFixture.Issuer);
        var filtered = await GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("发展") + "&issuer=" + Uri.EscapeDataString(OriginalsFixture.Issuer));
        Assert.True(filtered.GetProperty("totalHits").GetInt32() > 0);
        Assert.True(filtered.GetProperty("totalHits").GetInt32() <= issuer.GetProperty("count").GetInt32());
        Assert.All(filtered.GetProperty("hits").EnumerateArray(), h => Assert.Equal(OriginalsFixture.Issuer, h.GetProperty("issuer").GetString()));
        var other = await GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("发展") + "&issuer=" + Uri.EscapeDataString("没有这个机关"));
        Assert.Equal(0, other.GetProperty("totalHits").GetInt32());
    }

    [Fact]
    public async Task Search_IssuerFacet_SelectedValueCountsTheFilteredHitsAndOthersStay()
    {
        var all = await GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("发展"));
        var filtered = await GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("发展") + "&issuer=" + Uri.EscapeDataString(OriginalsFixture.Issuer));

        var values = filtered.GetProperty("facets").GetProperty("issuer").EnumerateArray().ToList();
        var selected = Assert.Single(values, v => v.TryGetProperty("selected", out var s) && s.GetBoolean());
        Assert.Equal(OriginalsFixture.Issuer, selected.GetProperty("value").GetString());
        Assert.Equal(filtered.GetProperty("totalHits").GetInt32(), selected.GetProperty("count").GetInt32());
        // Multi-select: the issuer facet leaves its own filter out, so it lists what the search without it does.
        Assert.Equal(all.GetProperty("facets").GetProperty("issuer").GetRawText(),
            filtered.GetProperty("facets").GetProperty("issuer").GetRawText().Replace(",\"selected\":true", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Readyz_CountsOnly_NoFileNames()
    {
        var ready = await GetJsonAsync("/readyz");
        var documents = (await GetJsonAsync("/api/documents")).EnumerateArray().ToList();
        Assert.Equal(documents.Count(d => d.GetProperty("skipped").ValueKind == JsonValueKind.Null), ready.GetProperty("documents").GetInt32());
        Assert.Equal(documents.Count(d => d.GetProperty("skipped").ValueKind != JsonValueKind.Null), ready.GetProperty("skipped").GetInt32());
        Assert.Equal(documents.Sum(d => d.GetProperty("warnings").GetArrayLength()), ready.GetProperty("warnings").GetInt32());
        Assert.DoesNotContain(".txt", ready.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(".pdf", ready.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_OriginalRouteAndIssuerParameter_Described()
    {
        var document = await GetJsonAsync("/openapi/v1.json");
        var original = document.GetProperty("paths").GetProperty("/api/documents/{doc}/original").GetProperty("get");
        Assert.Contains(original.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "file");
        var search = document.GetProperty("paths").GetProperty("/api/search").GetProperty("get");
        Assert.Contains(search.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "issuer");
    }
}
