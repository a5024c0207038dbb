using Microsoft.Playwright;

namespace XiqingSearch.Web.Tests;

/// <summary>The page's defects of the second round of daily use: the context panel, a year without documents.</summary>
[Collection(WebCollection.Name)]
public sealed class RoundTwoPageTests(WebFixture web)
{
    private async Task<(IBrowserContext Context, IPage Page, List<string> Errors)> OpenAsync(string query, int width, int height)
    {
        var (context, page, errors) = await web.NewPageAsync(width, height);
        await page.GotoAsync(web.ServerUrl + "/?" + query);
        await page.Locator(".xq[data-state=done]").WaitForAsync();
        return (context, page, errors);
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task ContextPanel_Opened_HasItsTitleAndCloseInView(int width, int height)
    {
        var (context, page, errors) = await OpenAsync("q=" + Uri.EscapeDataString("高质量发展"), width, height);
        await using var _ = context;

        var hits = Math.Min(3, await page.Locator(".xq-hit").CountAsync());
        Assert.True(hits > 0);
        for (var i = 0; i < hits; i++)
        {
            await page.Locator(".xq-hit").Nth(i).Locator("a.xq-open").ClickAsync();
            await page.Locator(".xq-context .xq-ctx-current").WaitForAsync();
            // Both inside the panel's box and the window, and not covered: what a reader sees first.
            var seen = await page.EvaluateAsync<bool[]>(@"() => {
                const panel = document.querySelector('.xq-context').getBoundingClientRect();
                return ['.xq-context-title', '.xq-context .xq-close'].map(sel => {
                    const r = document.querySelector(sel).getBoundingClientRect();
                    const top = document.elementFromPoint(r.left + Math.min(8, r.width / 2), r.top + r.height / 2);
                    return r.top >= panel.top - 0.5 && r.bottom <= Math.min(panel.bottom, innerHeight) + 0.5
                        && r.top >= 0 && !!top && !!top.closest(sel);
                });
            }");
            Assert.Equal(new[] { true, true }, seen);
            // The hit itself is in view too.
            Assert.True(await page.Locator(".xq-context .xq-ctx-current").IsVisibleAsync());
            if (i == 0)
            {
                await WebFixture.ScreenshotAsync(page, "44-context-head-" + width);
            }
            await page.Locator(".xq-context .xq-close").ClickAsync();
            await page.Locator(".xq-context").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
        }
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task YearWithoutDocuments_NoOtherYearsBars_HintLinkDropsTheYear_BoxSaysTheYear(int width, int height)
    {
        var (context, page, errors) = await OpenAsync("q=" + Uri.EscapeDataString("天开西青园") + "&year=2030", width, height);
        await using var _ = context;

        Assert.Contains("没有找到匹配的段落", await page.Locator(".xq-empty").TextContentAsync());
        // No bars of 2024 and 2025 above "nothing found".
        Assert.Equal(0, await page.Locator(".xq-chart .xq-bar").CountAsync());
        Assert.True(await page.Locator(".xq-chart").IsHiddenAsync());
        // The year box reads like the others ("2030年", as "2025年").
        var years = await page.Locator("[data-facet=year] .xq-facet-value").AllTextContentsAsync();
        Assert.Contains("2030年", years);
        Assert.All(years, y => Assert.EndsWith("年", y, StringComparison.Ordinal));
        await WebFixture.ScreenshotAsync(page, "45-year-2030-" + width);

        // 去掉年份筛选 is a link, and following it searches without the year.
        var link = page.Locator("a.xq-drop-filter[data-filter=year]");
        Assert.Contains("去掉年份筛选", await link.TextContentAsync());
        Assert.DoesNotContain("year=", await link.GetAttributeAsync("href"), StringComparison.Ordinal);
        await link.ClickAsync();
        await page.WaitForFunctionAsync("() => !location.search.includes('year=') && !document.querySelector('.xq').hasAttribute('aria-busy')");
        Assert.True(await page.Locator(".xq-hit").CountAsync() > 0);
        Assert.True(await page.Locator(".xq-chart .xq-bar").CountAsync() > 0);
        Assert.Empty(errors);
    }
}
