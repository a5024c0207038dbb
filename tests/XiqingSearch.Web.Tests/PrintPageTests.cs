using Microsoft.Playwright;

namespace XiqingSearch.Web.Tests;

/// <summary>The print stylesheet, in Chromium emulating print media: what is hidden, what stays, highlights visible.</summary>
[Collection(WebCollection.Name)]
public sealed class PrintPageTests(WebFixture web)
{
    private const string Park = "天开西青园";

    private static Task<bool> ShownAsync(IPage page, string selector) =>
        page.EvaluateAsync<bool>(@"sel => [...document.querySelectorAll(sel)].some(n => {
            const r = n.getBoundingClientRect();
            return getComputedStyle(n).display !== 'none' && r.width > 0 && r.height > 0;
        })", selector);

    [Fact]
    public async Task Print_Results_HideTheChromeAndKeepHighlightsVisible()
    {
        var (context, page, errors) = await web.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync(web.ServerUrl + "/?q=" + Uri.EscapeDataString(Park));
        await page.Locator(".xq[data-state=done]").WaitForAsync();
        Assert.True(await ShownAsync(page, ".xq-form"));

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        foreach (var chrome in new[] { ".xq-form", ".xq-facets", ".xq-controls", ".xq-pager", ".xq-actions", ".xqa-nav" })
        {
            Assert.False(await ShownAsync(page, chrome), chrome + " is printed");
        }
        Assert.True(await ShownAsync(page, ".xq-hit"));
        Assert.True(await ShownAsync(page, ".xq-status"));
        // A highlight survives a printer that drops backgrounds: bold and underlined.
        var mark = await page.Locator(".xq-hit mark.xq-mark").First.EvaluateAsync<string[]>(
            "m => [getComputedStyle(m).fontWeight, getComputedStyle(m).textDecorationLine, m.textContent]");
        Assert.Equal("700", mark[0]);
        Assert.Contains("underline", mark[1]);
        Assert.Equal(Park, mark[2]);
        await page.PdfAsync(new() { Path = Path.Combine(WebFixture.ScreenshotDirectory, "48-print-results.pdf") });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Print_DocumentView_PrintsTheDocumentAloneAtFullLength()
    {
        var (context, page, errors) = await web.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync(web.ServerUrl + "/?q=" + Uri.EscapeDataString(Park));
        await page.Locator(".xq[data-state=done]").WaitForAsync();
        await page.Locator(".xq-hit a.xq-open-doc").First.ClickAsync();
        await page.Locator(".xq-context.xq-document .xq-ctx-current").WaitForAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        foreach (var hidden in new[] { ".xq-hits", ".xq-header", ".xq-facets", ".xq-close", ".xq-doc-nav button", ".xqa-nav" })
        {
            Assert.False(await ShownAsync(page, hidden), hidden + " is printed");
        }
        Assert.True(await ShownAsync(page, ".xq-context-title"));
        // The whole document, not a scrolled box: every paragraph is laid out in the flow.
        Assert.Equal("static", await page.Locator(".xq-context").EvaluateAsync<string>("n => getComputedStyle(n).position"));
        var paragraphs = await page.Locator(".xq-doc-list > li").CountAsync();
        Assert.True(paragraphs > 10);
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('.xq-context').scrollHeight <= document.querySelector('.xq-context').clientHeight + 1"));
        Assert.Equal("700", await page.Locator(".xq-context mark.xq-mark").First.EvaluateAsync<string>("m => getComputedStyle(m).fontWeight"));
        await page.PdfAsync(new() { Path = Path.Combine(WebFixture.ScreenshotDirectory, "49-print-document.pdf") });
        Assert.Empty(errors);
    }
}
