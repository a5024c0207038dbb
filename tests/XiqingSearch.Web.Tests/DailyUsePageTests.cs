using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace XiqingSearch.Web.Tests;

/// <summary>The page as policy staff use it every day: counts, errors, sorting, filtering, export, whole documents.</summary>
[Collection(WebCollection.Name)]
public sealed class DailyUsePageTests(WebFixture web)
{
    private const string Park = "天开西青园";

    private async Task<(IBrowserContext Context, IPage Page, List<string> Errors)> OpenAsync(string query, int width = 1280, int height = 900)
    {
        var (context, page, errors) = await web.NewPageAsync(width, height);
        await page.GotoAsync(web.ServerUrl + "/?" + query);
        await page.Locator(".xq[data-state=done]").WaitForAsync();
        return (context, page, errors);
    }

    private static Task WaitDoneAfterAsync(IPage page, string urlPart) =>
        page.WaitForFunctionAsync("p => location.search.includes(p) && !document.querySelector('.xq').hasAttribute('aria-busy')", urlPart);

    [Fact]
    public async Task Summary_AfterYearFilter_CountsOnlyWhatIsShown()
    {
        var (context, page, errors) = await OpenAsync("q=" + Uri.EscapeDataString(Park) + "&year=2024");
        await using var _ = context;

        var status = await page.Locator(".xq-status").First.TextContentAsync();
        // 2024 alone: 3 paragraphs, 4 occurrences, one document, one year (the facet still lists both years).
        Assert.Contains("共 3 个段落，4 处匹配，分布于 1 个文件、1 个年份", status);
        Assert.Equal(2, await page.Locator("[data-facet=year] .xq-facet-item").CountAsync());
        // Which numbers are paragraphs and which occurrences is written on the page.
        Assert.Contains("段落数", await page.Locator(".xq-facet-note").TextContentAsync());
        Assert.Contains("出现次数", await page.Locator(".xq-chart-title").TextContentAsync());
        Assert.Equal("4 处", (await page.Locator(".xq-hit .xq-hit-count").AllTextContentsAsync()).Select(t => t.Replace("本段 ", "")).Aggregate(0, (n, t) => n + int.Parse(t.TrimEnd('处', ' '), System.Globalization.CultureInfo.InvariantCulture)) + " 处");
        Assert.Contains(Park, await page.TitleAsync());
        await WebFixture.ScreenshotAsync(page, "11-year-filter-summary");
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("西青 AND \"天开", 8, "引号没有闭合", "12-error-unclosed-quote")]
    [InlineData("天开西青园 foo:1", 7, "没有“foo”这个字段", "13-error-unknown-field")]
    public async Task QueryError_IsChineseWithCaretUnderTheCharacter(string query, int position, string expected, string screenshot)
    {
        var (context, page, errors) = await web.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync(web.ServerUrl + "/?q=" + Uri.EscapeDataString(query));
        await page.Locator(".xq-error-caret").WaitForAsync();

        var message = await page.Locator(".xq-error-message").TextContentAsync();
        Assert.Contains(expected, message);
        // Chinese, not the server's English sentence (field names such as year stay as they are typed).
        Assert.DoesNotMatch("[A-Za-z]+ [A-Za-z]+ [A-Za-z]+", message!);
        Assert.Equal("位置 " + position, await page.Locator(".xq-error-position").TextContentAsync());
        // The caret's left edge is the left edge of the character at the position (1-based), to the pixel.
        var x = await page.EvaluateAsync<double[]>(@"pos => {
            const line = document.querySelector('.xq-error-line').firstChild;
            const range = document.createRange();
            range.setStart(line, pos - 1);
            range.setEnd(line, pos);
            const caret = document.querySelector('.xq-error-caret').getBoundingClientRect();
            return [range.getBoundingClientRect().left, caret.left];
        }", position);
        Assert.InRange(x[1], x[0] - 1, x[0] + 1);
        await WebFixture.ScreenshotAsync(page, screenshot);
        Assert.DoesNotContain(errors, e => e.StartsWith("pageerror", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SortAndKind_ChangeTheHitsAsTheyShould()
    {
        var (context, page, errors) = await OpenAsync("q=" + Uri.EscapeDataString("京津冀"));
        await using var _ = context;

        await page.Locator(".xq-sort").SelectOptionAsync("oldest");
        await WaitDoneAfterAsync(page, "sort=oldest");
        var years = (await page.Locator(".xq-hit .xq-year").AllTextContentsAsync()).Select(int.Parse).ToList();
        Assert.Equal(years.Order(), years);
        Assert.Equal(2021, years[0]);

        await page.Locator(".xq-sort").SelectOptionAsync("year");
        await WaitDoneAfterAsync(page, "sort=year");
        years = [.. (await page.Locator(".xq-hit .xq-year").AllTextContentsAsync()).Select(int.Parse)];
        Assert.Equal(years.OrderDescending(), years);

        await page.Locator(".xq-kind").SelectOptionAsync("heading");
        await WaitDoneAfterAsync(page, "kind=heading");
        Assert.True(await page.Locator(".xq-hit").CountAsync() > 0);
        Assert.Contains("共", await page.Locator(".xq-status").First.TextContentAsync());
        var response = await page.EvaluateAsync<int>("() => fetch('/api/search?q=' + encodeURIComponent('京津冀') + '&kind=heading').then(r => r.json()).then(b => b.totalHits)");
        Assert.Contains("共 " + response + " 个段落", await page.Locator(".xq-status").First.TextContentAsync());
        await WebFixture.ScreenshotAsync(page, "14-sort-and-kind");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task ChartBar_Click_FiltersByThatYear_AndDocumentFacetFilters()
    {
        var (context, page, errors) = await OpenAsync("q=" + Uri.EscapeDataString(Park));
        await using var _ = context;

        await page.Locator(".xq-chart .xq-bar-target[data-year='2025']").ClickAsync();
        await WaitDoneAfterAsync(page, "year=2025");
        Assert.All(await page.Locator(".xq-hit .xq-year").AllTextContentsAsync(), y => Assert.Equal("2025", y));
        Assert.Equal(1, await page.Locator(".xq-chart .xq-bar-selected").CountAsync());
        await page.Locator(".xq-chart .xq-bar-target[data-year='2025']").ClickAsync();
        await page.WaitForFunctionAsync("() => !location.search.includes('year=') && !document.querySelector('.xq').hasAttribute('aria-busy')");
        Assert.Equal(5, await page.Locator(".xq-hit").CountAsync());

        var doc = page.Locator("[data-facet=doc] .xq-facet-label").First;
        var docCount = int.Parse((await doc.Locator(".xq-count").TextContentAsync())!, System.Globalization.CultureInfo.InvariantCulture);
        await doc.Locator("input").CheckAsync();
        await WaitDoneAfterAsync(page, "doc=");
        Assert.Equal(docCount, await page.Locator(".xq-hit").CountAsync());
        await WebFixture.ScreenshotAsync(page, "15-chart-and-doc-filter");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task TypeFacet_FiveYearPlan_KeepsItsHitsAndShowsItsPeriod()
    {
        var (context, page, errors) = await OpenAsync("q=" + Uri.EscapeDataString("京津冀协同发展"));
        await using var _ = context;
        var types = await page.Locator("[data-facet=type] .xq-facet-value").AllTextContentsAsync();
        Assert.Contains("五年规划", types);
        Assert.Contains("政府工作报告", types);

        var plan = page.Locator("[data-facet=type] .xq-facet-label", new() { HasText = "五年规划" });
        var expected = int.Parse((await plan.Locator(".xq-count").TextContentAsync())!, System.Globalization.CultureInfo.InvariantCulture);
        await plan.Locator("input").CheckAsync();
        await WaitDoneAfterAsync(page, "type=five-year-plan");

        var status = await page.Locator(".xq-status").First.TextContentAsync();
        Assert.Contains("共 " + expected + " 个段落", status);
        Assert.Contains("1 个文件", status);
        Assert.All(await page.Locator(".xq-hit").EvaluateAllAsync<string[]>("hs => hs.map(h => h.dataset.id)"),
            id => Assert.StartsWith("003_", id));
        var periods = await page.Locator(".xq-hit .xq-period").AllTextContentsAsync();
        Assert.Equal(await page.Locator(".xq-hit").CountAsync(), periods.Count);
        Assert.All(periods, p => Assert.Equal("（2021–2025）", p));
        Assert.Contains("2021–2025", await page.Locator("[data-facet=doc]").TextContentAsync());
        await WebFixture.ScreenshotAsync(page, "19-type-five-year-plan");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task TypeFacet_FromTheApiWhenItHasOne_ElseFromTheDocuments()
    {
        var (context, page, errors) = await web.NewPageAsync();
        await using var _ = context;
        var apiRequests = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/search?", StringComparison.Ordinal))
            {
                apiRequests.Add(request.Url);
            }
        };
        var query = "京津冀协同发展";
        await page.GotoAsync(web.ServerUrl + "/?q=" + Uri.EscapeDataString(query));
        await page.Locator(".xq[data-state=done]").WaitForAsync();

        // The API's own type facet: the same values and paragraph counts as /api/search gives.
        var api = await page.EvaluateAsync<System.Text.Json.JsonElement>(
            "q => fetch('/api/search?q=' + encodeURIComponent(q)).then(r => r.json())", query);
        var expected = api.GetProperty("facets").GetProperty("type").EnumerateArray()
            .Where(v => v.GetProperty("count").GetInt32() > 0).ToList();
        var type = page.Locator("[data-facet=type]");
        Assert.Equal(expected.Select(v => v.GetProperty("count").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            await type.Locator(".xq-count").AllTextContentsAsync());
        Assert.True(expected.Count >= 2, "the phrase is in more than one type of document");

        // Selecting a type sends type= to the API (not a list of documents); the facet still lists the other types
        // (multi-select), and every hit is in a work report.
        await type.Locator(".xq-facet-label", new() { HasText = "政府工作报告" }).Locator("input").CheckAsync();
        await WaitDoneAfterAsync(page, "type=work-report");
        Assert.Contains(apiRequests, url => url.Contains("type=work-report", StringComparison.Ordinal) && !url.Contains("doc=", StringComparison.Ordinal));
        Assert.Equal(expected.Count, await type.Locator(".xq-facet-value").CountAsync());
        var workReports = await page.EvaluateAsync<string[]>(
            "() => fetch('/api/documents').then(r => r.json()).then(ds => ds.filter(d => d.type === 'work-report').map(d => d.doc))");
        var shown = await page.Locator(".xq-hit").EvaluateAllAsync<string[]>("hs => hs.map(h => h.dataset.id.split('#')[0])");
        Assert.NotEmpty(shown);
        Assert.All(shown, doc => Assert.Contains(doc, workReports));
        await WebFixture.ScreenshotAsync(page, "19b-type-facet-selected");

        // From a server without a type facet, the page sums the document facet by each document's type.
        await page.RouteAsync("**/api/search?*", async route =>
        {
            var response = await route.FetchAsync();
            var body = System.Text.Json.Nodes.JsonNode.Parse(await response.TextAsync())!;
            body["facets"]!.AsObject().Remove("type");
            await route.FulfillAsync(new() { Response = response, Body = body.ToJsonString() });
        });
        await page.GotoAsync(web.ServerUrl + "/?q=" + Uri.EscapeDataString(query));
        await page.Locator(".xq[data-state=done]").WaitForAsync();
        var summed = api.GetProperty("facets").GetProperty("doc").EnumerateArray()
            .Where(v => v.GetProperty("count").GetInt32() > 0 && workReports.Contains(v.GetProperty("value").GetString()))
            .Sum(v => v.GetProperty("count").GetInt32());
        var workReportCount = await type.Locator(".xq-facet-label", new() { HasText = "政府工作报告" }).Locator(".xq-count").TextContentAsync();
        Assert.Equal(summed.ToString(System.Globalization.CultureInfo.InvariantCulture), workReportCount);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task ExportButton_DownloadsEveryOccurrenceAsCsv()
    {
        var (context, page, errors) = await OpenAsync("q=" + Uri.EscapeDataString("京津冀"));
        await using var _ = context;
        var total = await page.EvaluateAsync<int>("() => fetch('/api/search?q=' + encodeURIComponent('京津冀')).then(r => r.json()).then(b => b.totalOccurrences)");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(".xq-export:not(.xq-export-docx)").ClickAsync());
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path!);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("doc,year,title,chapter,topic,paragraph,left,match,right", lines[0]);
        Assert.Equal(total, lines.Length - 1); // every occurrence, not one page
        Assert.EndsWith(".csv", download.SuggestedFilename);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task ExportWordButton_DownloadsADocxWithEveryOccurrenceHighlighted()
    {
        var (context, page, errors) = await OpenAsync("q=" + Uri.EscapeDataString("京津冀"));
        await using var _ = context;
        var total = await page.EvaluateAsync<int>("() => fetch('/api/search?q=' + encodeURIComponent('京津冀')).then(r => r.json()).then(b => b.totalOccurrences)");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator(".xq-export-docx").ClickAsync());
        var path = await download.PathAsync();

        Assert.EndsWith(".docx", download.SuggestedFilename);
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(path!, false);
        var body = word.MainDocumentPart!.Document.Body!;
        // Every occurrence of every hit is one highlighted run, whatever page the list showed.
        var highlighted = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Run>()
            .Where(r => r.RunProperties?.Highlight is not null).Select(r => r.InnerText).ToList();
        Assert.Equal(total, highlighted.Count);
        Assert.All(highlighted, text => Assert.Equal("京津冀", text));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task WholeDocument_OpensAtTheHit_WithNextAndPreviousOccurrence()
    {
        var (context, page, errors) = await OpenAsync("q=" + Uri.EscapeDataString(Park) + "&sort=document");
        await using var _ = context;
        var hit = page.Locator(".xq-hit").Nth(1);
        var id = await hit.GetAttributeAsync("data-id") ?? "";
        var paragraph = id[(id.LastIndexOf('#') + 1)..];

        await hit.Locator(".xq-open-doc").ClickAsync();
        var current = page.Locator(".xq-context .xq-ctx-current");
        await current.WaitForAsync();

        Assert.Equal(paragraph, await current.GetAttributeAsync("data-paragraph"));
        Assert.Contains("view=", page.Url, StringComparison.Ordinal);
        // The whole document: every paragraph from ¶1, in order, the hit's occurrences marked.
        var numbers = await page.Locator(".xq-context .xq-ctx-num").AllTextContentsAsync();
        Assert.Equal("¶1", numbers[0]);
        Assert.True(numbers.Count > 50);
        Assert.True(await current.Locator("mark").CountAsync() > 0);
        Assert.True(await current.IsVisibleAsync());
        await WebFixture.ScreenshotAsync(page, "16-whole-document");

        var before = await current.GetAttributeAsync("data-paragraph");
        await page.Locator(".xq-doc-prev").ClickAsync();
        var moved = await page.Locator(".xq-context .xq-ctx-current").GetAttributeAsync("data-paragraph");
        Assert.True(int.Parse(moved!, System.Globalization.CultureInfo.InvariantCulture) < int.Parse(before!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await page.Locator(".xq-doc-prev").IsDisabledAsync());
        await page.Locator(".xq-doc-next").ClickAsync();
        Assert.Equal(before, await page.Locator(".xq-context .xq-ctx-current").GetAttributeAsync("data-paragraph"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Slash_FocusesTheSearchBox_AndOffsetPastTheEndSaysSo()
    {
        var (context, page, errors) = await OpenAsync("q=" + Uri.EscapeDataString(Park) + "&offset=50");
        await using var _ = context;

        Assert.Contains("已超过最后一条结果", await page.Locator(".xq-empty").TextContentAsync());
        await page.Locator(".xq-title").ClickAsync();
        Assert.False(await page.EvaluateAsync<bool>("() => document.activeElement.classList.contains('xq-input')"));
        await page.Keyboard.PressAsync("/");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.classList.contains('xq-input')"));
        Assert.Equal(Park, await page.Locator(".xq-input").InputValueAsync()); // the slash is not typed
        Assert.Empty(errors);
    }

    [Fact]
    public async Task IssuerFacet_FromTheDeclarations_ListedUnderItsLabelAndTheSelectionUnticks()
    {
        // The seeds state no issuer: the box (served from Core's declarations) is hidden until a value is selected.
        var (context, page, errors) = await OpenAsync("q=" + Uri.EscapeDataString("发展"));
        await using var _ = context;
        var box = page.Locator("[data-facet=issuer]");
        Assert.Equal("发文机关", await box.Locator(".xq-facet-title").TextContentAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("() => fetch('/api/search?q=' + encodeURIComponent('发展')).then(r => r.json()).then(b => b.facets.issuer.length)"));
        Assert.False(await box.IsVisibleAsync());

        // A selected issuer the hits do not have still shows, ticked, so it can be unticked.
        await page.GotoAsync(web.ServerUrl + "/?q=" + Uri.EscapeDataString("发展") + "&issuer=" + Uri.EscapeDataString("某机关"));
        await page.Locator(".xq[data-state=done]").WaitForAsync();
        var item = box.Locator(".xq-facet-label", new() { HasText = "某机关" });
        Assert.True(await item.Locator("input").IsCheckedAsync());
        Assert.Equal("0", await item.Locator(".xq-count").TextContentAsync());
        // A click, not UncheckAsync: the box is drawn again by the search the click starts, and Playwright's check
        // of the old element's state after the click can wait on an element that is gone.
        await item.Locator("input").ClickAsync();
        await page.WaitForFunctionAsync("() => !location.search.includes('issuer=') && !document.querySelector('.xq').hasAttribute('aria-busy')");
        Assert.False(await box.IsVisibleAsync());
        Assert.True(await page.Locator(".xq-hit").CountAsync() > 0);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task NarrowScreen_HitsStartNearTheTop_FiltersFoldOpen()
    {
        var (context, page, errors) = await OpenAsync("q=" + Uri.EscapeDataString("高质量发展"), 390, 844);
        await using var _ = context;

        var top = await page.Locator(".xq-hit").First.EvaluateAsync<double>("e => e.getBoundingClientRect().top");
        Assert.True(top < 600, $"first hit at {top}px");
        Assert.False(await page.Locator("[data-facet=year]").IsVisibleAsync());
        await page.Locator(".xq-filters-toggle").ClickAsync();
        Assert.True(await page.Locator("[data-facet=year]").IsVisibleAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"));
        await WebFixture.ScreenshotAsync(page, "17-narrow-filters-open");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Embed_FromAnOriginNotAllowed_SaysHowToAllowIt()
    {
        // A second portal whose origin is not in the server's CORS list.
        await using var portal = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]).Build();
        var html = $"<!doctype html><meta charset=utf-8><div id=search></div><script src=\"{web.ServerUrl}/embed.js\" data-target=\"#search\"></script>";
        portal.MapGet("/", () => Results.Content(html, "text/html; charset=utf-8"));
        portal.MapGet("/favicon.ico", () => Results.NoContent());
        await portal.StartAsync();
        var origin = portal.Urls.First().TrimEnd('/');

        var (context, page, _) = await web.NewPageAsync();
        await using var __ = context;
        await page.GotoAsync(origin + "/#q=" + Uri.EscapeDataString(Park));
        var message = page.Locator("#search .xq-error-message");
        await message.WaitForAsync();

        var text = await message.TextContentAsync();
        Assert.Contains(origin, text);
        Assert.Contains("--embed-origin " + origin, text);
        Assert.Contains("XIQING_EMBED_ORIGINS", text);
        Assert.DoesNotContain("无法连接", text);
        await WebFixture.ScreenshotAsync(page, "18-embed-origin-not-allowed");
        await portal.StopAsync();
    }
}
