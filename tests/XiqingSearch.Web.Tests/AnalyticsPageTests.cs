using Microsoft.Playwright;

namespace XiqingSearch.Web.Tests;

/// <summary>The 对比 and 新词 views in Chromium, under the page's Content-Security-Policy.</summary>
[Collection(WebCollection.Name)]
public sealed class AnalyticsPageTests(WebFixture web)
{
    [Fact]
    public async Task Compare_PastedList_DrawsALinePerPhraseTableAndCsv_AndACellOpensItsSearch()
    {
        var (context, page, errors) = await web.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync(web.ServerUrl + "/");
        await page.Locator(".xqa-tab", new() { HasText = "对比" }).ClickAsync();
        await page.Locator(".xqa-phrases").FillAsync("天开西青园\n京津冀协同发展\n高质量发展\n");
        await page.Locator(".xqa-form button[type=submit]").ClickAsync();
        await page.Locator(".xqa-table tbody tr").Nth(2).WaitForAsync();

        Assert.Equal(3, await page.Locator(".xqa-chart-svg polyline.xqa-series").CountAsync());
        Assert.Equal(3 * 4, await page.Locator(".xqa-chart-svg circle.xqa-point").CountAsync());
        Assert.Equal(new[] { "检索词", "2021", "2023", "2024", "2025", "合计", "首次", "最近" },
            await page.Locator(".xqa-table thead th").AllTextContentsAsync());
        var park = page.Locator(".xqa-table tbody tr").First;
        Assert.Equal("天开西青园", await park.Locator("th").TextContentAsync());
        Assert.Equal("8", await park.Locator("td").Nth(4).TextContentAsync());
        Assert.Contains("五年规划", await page.Locator(".xqa-status").TextContentAsync());
        var csv = page.Locator("a.xqa-csv");
        Assert.Equal("compare.csv", await csv.GetAttributeAsync("download"));
        Assert.StartsWith("blob:", await csv.GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.Contains("view=compare", page.Url, StringComparison.Ordinal);
        await WebFixture.ScreenshotAsync(page, "20-compare");

        // The 2024 cell of 天开西青园 opens the search for that phrase and year: its 4 occurrences.
        var cell = park.Locator("td").Nth(2).Locator("a.xqa-cell-link");
        Assert.Equal("4", await cell.TextContentAsync());
        await cell.ClickAsync();
        await page.Locator(".xq[data-state=done]").WaitForAsync();
        Assert.Equal(4, await page.Locator(".xq-hit mark.xq-mark").CountAsync());
        Assert.Contains("year=2024", page.Url, StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Compare_CsvDownload_HasOneRowPerPhraseAndYear()
    {
        var (context, page, errors) = await web.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync(web.ServerUrl + "/?view=compare&p=" + Uri.EscapeDataString("天开西青园") + "&p=" + Uri.EscapeDataString("碳达峰") + "&multiYear=own");
        await page.Locator("a.xqa-csv").WaitForAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a.xqa-csv").ClickAsync());
        var path = await download.PathAsync();
        var lines = (await File.ReadAllTextAsync(path!)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("phrase,year,period,occurrences,paragraphs,documents,per10k,total,first_year,last_year", lines[0]);
        Assert.Equal(1 + 2 * 5, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("天开西青园,2025,,4,", StringComparison.Ordinal));
        Assert.Equal(5, await page.Locator(".xqa-table thead th").CountAsync() - 4);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task NewTerms_ChosenYear_ListsTermsThatOpenTheirSearch()
    {
        var (context, page, errors) = await web.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync(web.ServerUrl + "/?view=new-terms&year=2025");
        var first = page.Locator(".xqa-term-list").First.Locator("a.xqa-term").First;
        await first.WaitForAsync();
        Assert.True(await page.Locator(".xqa-term-list").First.Locator("a.xqa-term").CountAsync() >= 10);
        Assert.Contains("2021、2023、2024", await page.Locator(".xqa-status").TextContentAsync());
        await WebFixture.ScreenshotAsync(page, "21-new-terms");

        var term = await first.TextContentAsync();
        await first.ClickAsync();
        await page.Locator(".xq[data-state=done]").WaitForAsync();
        Assert.True(await page.Locator(".xq-hit mark.xq-mark").CountAsync() > 0);
        Assert.All(await page.Locator(".xq-hit mark.xq-mark").AllTextContentsAsync(), m => Assert.Equal(term, m));
        Assert.Empty(errors);
    }
}
