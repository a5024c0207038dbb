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

        // 2021 stands alone (no 2022), 2023–2025 is one line per phrase.
        Assert.Equal(3, await page.Locator(".xqa-chart-svg polyline.xqa-series").CountAsync());
        Assert.Equal(3 * 4, await page.Locator(".xqa-chart-svg circle.xqa-point").CountAsync());
        // Raw counts are one click away from the default (per 10,000 characters).
        await page.Locator(".xqa-measure-option[data-measure=occurrences]").ClickAsync();
        await page.Locator(".xqa-chart-svg[data-measure=occurrences]").WaitForAsync();
        Assert.Equal(new[] { "检索词", "2021※", "2023", "2024", "2025", "合计", "首次", "最近" },
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
    public async Task Compare_MisleadsByDefault_NowPer10kWithGapsAndSaysWhereThePlanIsCounted()
    {
        const string Phrase = "高质量发展";
        var (context, page, errors) = await web.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync(web.ServerUrl + "/?view=compare&p=" + Uri.EscapeDataString(Phrase));
        await page.Locator(".xqa-table tbody tr").First.WaitForAsync();
        var api = await page.EvaluateAsync<System.Text.Json.JsonElement>(
            "() => fetch('/api/compare?q=' + encodeURIComponent('高质量发展')).then(r => r.json())");
        var cells = api.GetProperty("rows")[0].GetProperty("cells").EnumerateArray()
            .ToDictionary(c => c.GetProperty("year").GetInt32(), c => (Per10k: c.GetProperty("per10k").GetDouble(), Occurrences: c.GetProperty("occurrences").GetInt32()));
        var row = page.Locator(".xqa-table tbody tr").First;
        string Cell(int year) => year.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // By default every figure is per 10,000 characters, as the API computes it.
        Assert.Equal("per10k", await page.Locator(".xqa-chart-svg").GetAttributeAsync("data-measure"));
        foreach (var (year, cell) in cells)
        {
            var shown = await row.Locator($"td[data-year='{Cell(year)}'] > a, td[data-year='{Cell(year)}']").First.EvaluateAsync<string>("n => n.firstChild.textContent");
            Assert.Equal(cell.Per10k.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), shown);
        }
        // The reading the raw counts gave (a 2021 peak from the whole five-year plan) is not the default one.
        Assert.True(cells[2021].Occurrences > cells[2024].Occurrences);
        Assert.True(cells[2024].Per10k > cells[2021].Per10k);

        // 2022 has no documents: a gap on the axis, no line across it.
        Assert.Equal("2022", await page.Locator(".xqa-chart-svg .xqa-missing-year").TextContentAsync());
        var spans = await page.Locator(".xqa-chart-svg polyline.xqa-series").EvaluateAllAsync<string[]>("ps => ps.map(p => p.dataset.years)");
        Assert.DoesNotContain(spans, s => s.Contains("2021", StringComparison.Ordinal) && s.Contains("2023", StringComparison.Ordinal));
        Assert.Contains("2023 2024 2025", spans);

        // Where the multi-year plan is counted is said, naming the plan and its column.
        var note = await page.Locator(".xqa-multiyear-note").TextContentAsync();
        Assert.Contains("（2021–2025）全文计入其首年 2021 年", note);
        Assert.Equal("2021※", await page.Locator(".xqa-table thead th").Nth(1).TextContentAsync());
        await WebFixture.ScreenshotAsync(page, "42-compare-per10k-1280");

        // Raw counts are one click away, and the URL keeps the choice.
        await page.Locator(".xqa-measure-option[data-measure=occurrences]").ClickAsync();
        await page.Locator(".xqa-chart-svg[data-measure=occurrences]").WaitForAsync();
        Assert.Equal(Cell(cells[2021].Occurrences), await row.Locator("td[data-year='2021'] a").TextContentAsync());
        Assert.Contains("measure=occurrences", page.Url, StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Compare_OnAPhoneAt390_FitsTheScreenWithReadablePhrasesAndLabels()
    {
        var (context, page, errors) = await web.NewPageAsync(390, 844);
        await using var _ = context;
        await page.GotoAsync(web.ServerUrl + "/?view=compare&p=" + Uri.EscapeDataString("天开西青园") + "&p="
            + Uri.EscapeDataString("京津冀协同发展") + "&p=" + Uri.EscapeDataString("高质量发展") + "&multiYear=own");
        await page.Locator(".xqa-table tbody tr").Nth(2).WaitForAsync();

        // The page is as wide as the screen: nothing (the multi-year select, the table) pushes it wider.
        Assert.Equal(390, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('#xqa-mode').getBoundingClientRect().right <= 390"));
        // The phrase column holds at least five characters a line.
        var phrase = page.Locator(".xqa-table tbody th.xqa-phrase").Nth(1);
        var fontSize = await phrase.EvaluateAsync<double>("n => parseFloat(getComputedStyle(n).fontSize)");
        Assert.True((await phrase.BoundingBoxAsync())!.Width >= 5 * fontSize);
        // Every chart label is drawn at 10 px or more.
        var sizes = await page.EvaluateAsync<double[]>(@"() => [...document.querySelectorAll('.xqa-chart-svg text')]
            .map(t => parseFloat(t.getAttribute('font-size')) * t.ownerSVGElement.getScreenCTM().a)");
        Assert.NotEmpty(sizes);
        Assert.All(sizes, size => Assert.True(size >= 10, "label of " + size + " px"));
        await WebFixture.ScreenshotAsync(page, "43-compare-phone-390");
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
