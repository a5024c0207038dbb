using System.Text.Json;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Problems;

namespace XiqingSearch.Server.Tests.Endpoints;

/// <summary>
/// A server over sources holding one good seed, one good DOCX and a truncated PDF: the broken file is listed as
/// skipped with its reason, and the good documents stay searchable.
/// </summary>
public sealed class BadDocumentEndpointsTests : IAsyncLifetime
{
    private const string SeedId = "000_313d8db390bab93c";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "xiqing-bad-document-tests-" + Guid.NewGuid().ToString("N"));
    private Microsoft.AspNetCore.Builder.WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var sources = Path.Combine(_root, "seeds");
        Directory.CreateDirectory(sources);
        var fixtures = Path.Combine(ServerFixture.RepositoryRoot(), "tests", "Fixtures", "Documents");
        File.Copy(Path.Combine(ServerFixture.RepositoryRoot(), "seeds", SeedId + ".txt"), Path.Combine(sources, SeedId + ".txt"));
        File.Copy(Path.Combine(fixtures, SeedId + ".docx"), Path.Combine(sources, "policy-docx.docx"));
        File.Copy(Path.Combine(fixtures, "bad-truncated.pdf"), Path.Combine(sources, "broken.pdf"));
        foreach (var file in Directory.GetFiles(sources))
        {
            File.SetAttributes(file, FileAttributes.Normal); // the repository's seeds are read-only
        }
        // The seed and its DOCX have the same text: kept apart here, so each format is served on its own.
        var options = new IndexOptions { IndexDirectory = Path.Combine(_root, "index"), SeedsDirectory = sources, KeepCopiesApart = true };
        IndexBuilder.Build(options).ValueOrThrow();
        (_app, _client) = await ServerFixture.StartAsync(options);
    }

    [Fact]
    public async Task Documents_ListTheBrokenFileAsSkippedWithItsReason_AndTheOthersAreSearchable()
    {
        var docs = (await GetJsonAsync("/api/documents")).EnumerateArray().ToDictionary(d => d.GetProperty("doc").GetString()!);

        Assert.Equal([SeedId, "broken", "policy-docx"], docs.Keys.Order(StringComparer.Ordinal).ToArray());
        var skipped = docs["broken"].GetProperty("skipped");
        Assert.Equal(JsonValueKind.Object, skipped.ValueKind);
        Assert.Equal("broken.pdf", Path.GetFileName(skipped.GetProperty("file").GetString()));
        Assert.Equal(ProblemCodes.DocumentCorrupt, skipped.GetProperty("code").GetString());
        Assert.Contains("truncated", skipped.GetProperty("reason").GetString(), StringComparison.Ordinal);
        foreach (var good in new[] { "policy-docx", SeedId })
        {
            Assert.True(!docs[good].TryGetProperty("skipped", out var none) || none.ValueKind == JsonValueKind.Null, good);
        }

        var search = await GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("天开西青园") + "&all=true");
        var hitDocs = search.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("doc").GetString()!).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal([SeedId, "policy-docx"], hitDocs);
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url} → {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }
}
