using System.Net;
using System.Text;
using System.Text.Json;
using XiqingSearch.Core.Export;
using XiqingSearch.Core.Json;
using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Server.Tests.Endpoints;

/// <summary>CSV export, the whole-document view, query error arguments and the OpenAPI document against the real routes.</summary>
[Collection(ServerCollection.Name)]
public sealed class DailyUseApiTests(ServerFixture server)
{
    private static string Q(string text) => Uri.EscapeDataString(text);

    [Theory]
    [InlineData("发展", "")]
    [InlineData("发展", "&sort=document")]
    [InlineData("乡村振兴 OR 数字经济", "&sort=year")]
    [InlineData("\"京津冀协同发展\"", "&sort=oldest")]
    public async Task Csv_StreamedExport_SameBytesAsTheWholeAnswersCsv(string query, string sort)
    {
        using var response = await server.Client.GetAsync("/api/search?q=" + Q(query) + "&format=csv" + sort);
        var streamed = await response.Content.ReadAsByteArrayAsync();

        // The CSV of the whole answer, made by an engine of its own on the same index.
        using var engine = XiqingSearch.Core.Search.Engine.SearchEngine.Open(server.Options).ValueOrThrow();
        var order = SearchSortNames.TryParse(sort.Length == 0 ? null : sort[(sort.IndexOf('=') + 1)..], out var parsed) ? parsed : SearchSort.Relevance;
        var whole = engine.Search(new SearchRequest { Query = query, All = true, Sort = order }).ValueOrThrow();
        using var expected = new MemoryStream();
        using (var writer = new StreamWriter(expected, new UTF8Encoding(false), leaveOpen: true))
        {
            OccurrenceCsv.Write(whole, writer);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(whole.TotalOccurrences > 0);
        Assert.Equal(expected.ToArray(), streamed);
    }

    [Fact]
    public async Task Csv_ExportsEveryOccurrenceOfEveryHit_NotOnePage()
    {
        var json = await server.GetJsonAsync("/api/search?q=" + Q("京津冀") + "&limit=100");
        using var response = await server.Client.GetAsync("/api/search?q=" + Q("京津冀") + "&format=csv&limit=1&offset=3");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', OccurrenceCsv.Columns), lines[0]);
        Assert.Equal(json.GetProperty("totalOccurrences").GetInt32(), lines.Length - 1);
        // The document metadata columns follow id; the seeds have none, so they are empty and unquoted.
        var after = OccurrenceCsv.Columns.Count - 1 - OccurrenceCsv.Columns.ToList().IndexOf("id");
        string IdOf(string line)
        {
            for (var i = 0; i < after; i++)
            {
                line = line[..line.LastIndexOf(',')];
            }
            return line[(line.LastIndexOf(',') + 1)..];
        }
        var ids = lines.Skip(1).Select(IdOf).Distinct().Count();
        Assert.Equal(json.GetProperty("totalHits").GetInt32(), ids);
        Assert.All(lines.Skip(1), l => Assert.Contains(",京津冀,", l));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Responses_AreCompressedWhenTheClientAsks_AndDecompressToTheSameAnswer(string encoding)
    {
        var plain = await server.GetJsonAsync("/api/search?q=" + Q("发展") + "&limit=20");
        foreach (var path in new[] { "/api/search?q=" + Q("发展") + "&limit=20", "/api/search?q=" + Q("发展") + "&format=csv", "/app.js" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.ParseAdd(encoding);
            using var response = await server.Client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
            var compressed = await response.Content.ReadAsByteArrayAsync();
            using var input = new MemoryStream(compressed);
            using Stream decoder = encoding == "br"
                ? new System.IO.Compression.BrotliStream(input, System.IO.Compression.CompressionMode.Decompress)
                : new System.IO.Compression.GZipStream(input, System.IO.Compression.CompressionMode.Decompress);
            using var output = new MemoryStream();
            await decoder.CopyToAsync(output);
            Assert.True(output.Length > compressed.Length, $"{path}: {compressed.Length} bytes compressed, {output.Length} plain");
            if (path.Contains("limit=20", StringComparison.Ordinal))
            {
                var decoded = JsonDocument.Parse(output.ToArray()).RootElement;
                Assert.Equal(plain.GetProperty("totalHits").GetInt32(), decoded.GetProperty("totalHits").GetInt32());
                Assert.Equal(plain.GetProperty("hits").GetRawText(), decoded.GetProperty("hits").GetRawText());
            }
        }
    }

    [Fact]
    public async Task Responses_WithoutAcceptEncoding_AreNotCompressed()
    {
        using var response = await server.Client.GetAsync("/api/search?q=" + Q("发展"));

        Assert.Empty(response.Content.Headers.ContentEncoding);
        JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Csv_UnknownFormat_IsABadParameter()
    {
        using var response = await server.Client.GetAsync("/api/search?q=" + Q("京津冀") + "&format=xml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal("format", error.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Document_WithQuery_HasEveryParagraphInOrderAndEveryOccurrence()
    {
        var search = await server.GetJsonAsync("/api/search?q=" + Q("天开西青园") + "&limit=100&sort=document");
        var doc = search.GetProperty("hits")[0].GetProperty("doc").GetString()!;
        var hitsInDoc = search.GetProperty("hits").EnumerateArray().Where(h => h.GetProperty("doc").GetString() == doc).ToList();
        var summary = (await server.GetJsonAsync("/api/documents")).EnumerateArray().Single(d => d.GetProperty("doc").GetString() == doc);

        var view = await server.GetJsonAsync($"/api/documents/{doc}?q=" + Q("天开西青园"));

        Assert.Equal(summary.GetProperty("title").GetString(), view.GetProperty("title").GetString());
        Assert.Equal(summary.GetProperty("type").GetString(), view.GetProperty("type").GetString());
        var paragraphs = view.GetProperty("paragraphs").EnumerateArray().ToList();
        Assert.Equal(summary.GetProperty("paragraphs").GetInt32(), paragraphs.Count);
        Assert.Equal(Enumerable.Range(1, paragraphs.Count), paragraphs.Select(p => p.GetProperty("paragraph").GetInt32()));
        Assert.All(paragraphs, p =>
        {
            Assert.False(string.IsNullOrEmpty(p.GetProperty("kind").GetString()));
            Assert.Equal(JsonValueKind.Array, p.GetProperty("chapter").ValueKind);
            Assert.True(p.GetProperty("firstLine").GetInt32() > 0);
            var text = p.GetProperty("text").GetString()!;
            foreach (var span in p.GetProperty("highlights").EnumerateArray())
            {
                Assert.Equal("天开西青园", text[span.GetProperty("start").GetInt32()..span.GetProperty("end").GetInt32()]);
            }
        });
        Assert.Equal(hitsInDoc.Select(h => h.GetProperty("paragraph").GetInt32()),
            view.GetProperty("hitParagraphs").EnumerateArray().Select(p => p.GetInt32()));
        Assert.Equal(hitsInDoc.Sum(h => h.GetProperty("highlights").GetArrayLength()), view.GetProperty("totalOccurrences").GetInt32());
        Assert.Equal(view.GetProperty("totalOccurrences").GetInt32(), paragraphs.Sum(p => p.GetProperty("highlights").GetArrayLength()));
    }

    [Theory]
    [InlineData("/api/documents/no-such-doc", HttpStatusCode.NotFound, ProblemCodes.NotFound)]
    [InlineData("/api/documents/{doc}?q=%22open", HttpStatusCode.BadRequest, ProblemCodes.QueryUnclosedQuote)]
    public async Task Document_BadRequest_AnswersWithErrorShape(string url, HttpStatusCode status, string code)
    {
        var doc = (await server.GetJsonAsync("/api/documents"))[0].GetProperty("doc").GetString()!;
        using var response = await server.Client.GetAsync(url.Replace("{doc}", doc, StringComparison.Ordinal));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("天开 foo:1", "query.unknown-field", "field", "foo")]
    [InlineData("天开 AND", "query.syntax", "reason", "ends-early")]
    [InlineData("(天开", "query.unbalanced-parenthesis", "reason", "open-never-closed")]
    [InlineData("year:20x4", "query.bad-range", "value", "20x4")]
    public async Task QueryError_CarriesItsArguments(string q, string code, string name, string value)
    {
        using var response = await server.Client.GetAsync("/api/search?q=" + Q(q));

        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(value, error.GetProperty("arguments").GetProperty(name).GetString());
    }

    [Fact]
    public async Task Heading_MeansWhatChapterFieldMeans()
    {
        var field = await server.GetJsonAsync("/api/search?q=" + Q("发展 chapter:京津冀"));
        var heading = await server.GetJsonAsync("/api/search?q=" + Q("发展") + "&heading=" + Q("京津冀"));
        var level2 = await server.GetJsonAsync("/api/search?q=" + Q("发展") + "&heading=" + Q("（三）京津冀协同发展走深走实"));

        Assert.True(field.GetProperty("totalHits").GetInt32() > 0);
        Assert.Equal(field.GetProperty("totalHits").GetInt32(), heading.GetProperty("totalHits").GetInt32());
        Assert.InRange(level2.GetProperty("totalHits").GetInt32(), 1, heading.GetProperty("totalHits").GetInt32());
    }

    [Fact]
    public async Task OpenApi_SearchParameters_AreDeclaredAndEnforcedAsDeclared()
    {
        var document = await server.GetJsonAsync("/openapi/v1.json");
        var parameters = document.GetProperty("paths").GetProperty("/api/search").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);

        foreach (var name in new[] { "q", "year", "topic", "chapter", "heading", "doc", "kind", "type", "sort", "offset", "limit", "format" })
        {
            Assert.True(parameters.ContainsKey(name), name + " is not declared");
        }
        Assert.True(parameters["q"].GetProperty("required").GetBoolean());
        using (var missing = await server.Client.GetAsync("/api/search"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        }
        foreach (var name in new[] { "offset", "limit" })
        {
            var schema = parameters[name].GetProperty("schema");
            Assert.Equal("integer", schema.GetProperty("type").GetString());
            var min = schema.GetProperty("minimum").GetInt32();
            var max = schema.GetProperty("maximum").GetInt32();
            await AssertStatus($"/api/search?q={Q("西青")}&{name}={min}", HttpStatusCode.OK);
            await AssertStatus($"/api/search?q={Q("西青")}&{name}={max}", HttpStatusCode.OK);
            await AssertStatus($"/api/search?q={Q("西青")}&{name}={max + 1}", HttpStatusCode.BadRequest, name);
            await AssertStatus($"/api/search?q={Q("西青")}&{name}={min - 1}", HttpStatusCode.BadRequest, name);
        }
        foreach (var name in new[] { "sort", "format" })
        {
            foreach (var value in parameters[name].GetProperty("schema").GetProperty("enum").EnumerateArray())
            {
                await AssertStatus($"/api/search?q={Q("西青")}&{name}={value.GetString()}", HttpStatusCode.OK);
            }
            await AssertStatus($"/api/search?q={Q("西青")}&{name}=nonsense", HttpStatusCode.BadRequest, name);
        }
        foreach (var value in parameters["kind"].GetProperty("schema").GetProperty("items").GetProperty("enum").EnumerateArray())
        {
            await AssertStatus($"/api/search?q={Q("西青")}&kind={value.GetString()}", HttpStatusCode.OK);
        }
        var types = parameters["type"].GetProperty("schema").GetProperty("items").GetProperty("enum").EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.Equal(["annual-plan", "work-report", "five-year-plan", "other"], types);
        foreach (var value in types)
        {
            await AssertStatus($"/api/search?q={Q("西青")}&type={value}", HttpStatusCode.OK);
        }
        await AssertStatus($"/api/search?q={Q("西青")}&type=plan", HttpStatusCode.BadRequest, "type");
        Assert.Equal("array", parameters["year"].GetProperty("schema").GetProperty("type").GetString());
        await AssertStatus($"/api/search?q={Q("西青")}&year=2021..2023&year=2025", HttpStatusCode.OK);
    }

    [Fact]
    public async Task OpenApi_ParagraphRoute_AdminScheme_AndNoCSharpNames()
    {
        var document = await server.GetJsonAsync("/openapi/v1.json");
        var paragraph = document.GetProperty("paths").GetProperty("/api/documents/{doc}/paragraphs/{n}").GetProperty("get")
            .GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal("integer", paragraph["n"].GetProperty("schema").GetProperty("type").GetString());
        Assert.Equal("path", paragraph["n"].GetProperty("in").GetString());
        var context = paragraph["context"].GetProperty("schema");
        Assert.Equal("integer", context.GetProperty("type").GetString());
        var doc = (await server.GetJsonAsync("/api/documents"))[0].GetProperty("doc").GetString()!;
        await AssertStatus($"/api/documents/{doc}/paragraphs/2?context={context.GetProperty("maximum").GetInt32()}", HttpStatusCode.OK);
        await AssertStatus($"/api/documents/{doc}/paragraphs/2?context={context.GetProperty("maximum").GetInt32() + 1}", HttpStatusCode.BadRequest, "context");

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("adminKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        var header = scheme.GetProperty("name").GetString()!;
        var reindex = document.GetProperty("paths").GetProperty("/api/admin/reindex").GetProperty("post");
        Assert.True(reindex.GetProperty("security")[0].TryGetProperty("adminKey", out _));
        using (var unauthorized = await server.Client.PostAsync("/api/admin/reindex", null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/reindex");
        request.Headers.Add(header, ServerFixture.AdminKey);
        using (var authorized = await server.Client.SendAsync(request))
        {
            Assert.NotEqual(HttpStatusCode.Unauthorized, authorized.StatusCode);
        }

        var raw = document.GetRawText();
        foreach (var csharp in new[] { "string SearchHit", "int TextSpan", "string? ", "IReadOnlyList", "XiqingJson", "cref", "XiqingSearch." })
        {
            Assert.DoesNotContain(csharp, raw, StringComparison.Ordinal);
        }
        Assert.DoesNotMatch(@"\b(string|int|bool)\?? [A-Z]\w+\.[A-Z]\w+", raw);
    }

    [Theory]
    [InlineData("/api/nothing")]
    [InlineData("/no/such/page")]
    public async Task UnknownRoute_IsAJson404(string url)
    {
        using var response = await server.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");
        Assert.Equal(ProblemCodes.NotFound, error.GetProperty("code").GetString());
        Assert.Contains("/api/search", error.GetProperty("message").GetString());
    }

    private async Task AssertStatus(string url, HttpStatusCode status, string? parameter = null)
    {
        using var response = await server.Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{url} → {(int)response.StatusCode} {body}");
        if (parameter is not null)
        {
            Assert.Equal(parameter, JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("parameter").GetString());
        }
    }
}
