using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Server;
using XiqingSearch.Server.Hosting;

namespace XiqingSearch.Web.Tests;

/// <summary>
/// A second server over a corpus of one printed PDF (the LibreOffice print of seed 000), searched from the page in
/// the shared browser: a hit from a PDF shows the page it is on (第 N 页), the same page the API reports.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PdfPageLabelTests(WebFixture web) : IAsyncLifetime
{
    private const string Park = "天开西青园";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "xiqing-web-pdf-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _server;
    private string _serverUrl = "";

    public async Task InitializeAsync()
    {
        var sources = Path.Combine(_root, "seeds");
        Directory.CreateDirectory(sources);
        var copy = Path.Combine(sources, "policy-print.pdf");
        File.Copy(Path.Combine(Testing.RepositoryRoot.Path, "tests", "Fixtures", "Documents", "000_313d8db390bab93c.libreoffice.pdf"), copy);
        File.SetAttributes(copy, FileAttributes.Normal);
        var options = new IndexOptions { IndexDirectory = Path.Combine(_root, "index"), SeedsDirectory = sources };
        IndexBuilder.Build(options).ValueOrThrow();
        _server = ServerApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
            "--index", options.IndexDirectory, "--seeds", options.SeedsDirectory]);
        await _server.StartAsync();
        _serverUrl = _server.Urls.First().TrimEnd('/');
        using var client = new HttpClient();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!(await client.GetAsync(_serverUrl + "/readyz")).IsSuccessStatusCode)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("server not ready");
            }
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Hit_FromAPdf_ShowsItsPageLabel()
    {
        using var client = new HttpClient();
        var api = JsonDocument.Parse(await client.GetStringAsync(_serverUrl + "/api/search?q=" + Uri.EscapeDataString(Park) + "&sort=document")).RootElement;
        var expected = api.GetProperty("hits").EnumerateArray().Select(PageLabel).ToArray();
        Assert.NotEmpty(expected);

        var (context, page, errors) = await web.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync(_serverUrl + "/?sort=document&q=" + Uri.EscapeDataString(Park));
        await page.Locator(".xq[data-state=done]").WaitForAsync();

        var labels = await page.Locator(".xq-hit .xq-page").AllTextContentsAsync();
        Assert.Equal(expected.Length, await page.Locator(".xq-hit").CountAsync());
        Assert.Equal(expected, labels.Select(l => l.Trim()).ToArray());
        Assert.All(labels, l => Assert.Matches(@"^第 \d+(–\d+)? 页$", l.Trim()));
        await WebFixture.ScreenshotAsync(page, "pdf-page-label");
        Assert.Empty(errors);
    }

    /// <summary>The label the page should show for a hit the API returned.</summary>
    private static string PageLabel(JsonElement hit)
    {
        var first = hit.GetProperty("firstPage").GetInt32();
        var last = hit.GetProperty("lastPage").GetInt32();
        return "第 " + first + (last > first ? "–" + last : "") + " 页";
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }
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
