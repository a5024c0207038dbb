using System.Text.Json;
using Microsoft.Playwright;

namespace XiqingSearch.Web.Tests;

/// <summary>
/// A facet cut to <c>facetSize</c> offers 更多 (styled as the page's other quiet buttons); clicking it lists every
/// value of the facet, at desktop and phone widths.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class FacetMorePageTests(WebFixture web)
{
    private const string Query = "发展";

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task FacetMore_CutFacet_ShowsMoreAndClickingListsEveryValue(int width, int height)
    {
        // What the API has for the facet uncut: the count the page must list after 更多.
        using var http = new HttpClient();
        using var full = JsonDocument.Parse(await http.GetStringAsync(
            web.ServerUrl + "/api/search?q=" + Uri.EscapeDataString(Query) + "&facetSize=0&limit=1"));
        var allDocs = full.RootElement.GetProperty("facets").GetProperty("doc").GetArrayLength();
        Assert.True(allDocs > 2, $"the query should reach more than two documents, not {allDocs}");

        var (context, page, errors) = await web.NewPageAsync(width, height);
        await using var _ = context;
        await page.GotoAsync(web.ServerUrl + "/?q=" + Uri.EscapeDataString(Query) + "&facetSize=2");
        await page.Locator(".xq[data-state=done]").WaitForAsync();
        await OpenFiltersAsync(page);

        var docFacet = page.Locator("[data-facet=doc]");
        var more = docFacet.Locator(".xq-facet-more");
        Assert.True(await more.IsVisibleAsync());
        Assert.Equal("更多（" + (allDocs - 2) + "）", (await more.TextContentAsync())?.Trim());
        Assert.Equal(2, await docFacet.Locator(".xq-check").CountAsync());

        // Styled in the page's language: accent-coloured text, a light dashed frame, inside its box, no overflow.
        var look = await more.EvaluateAsync<JsonElement>(@"b => {
            const s = getComputedStyle(b), r = b.getBoundingClientRect(), box = b.closest('.xq-facet').getBoundingClientRect();
            return { color: s.color, border: s.borderTopStyle, cursor: s.cursor, height: r.height,
                     inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5,
                     pageWidth: document.documentElement.scrollWidth };
        }");
        Assert.Equal("rgb(183, 28, 28)", look.GetProperty("color").GetString());
        Assert.Equal("dashed", look.GetProperty("border").GetString());
        Assert.Equal("pointer", look.GetProperty("cursor").GetString());
        Assert.True(look.GetProperty("inside").GetBoolean());
        Assert.True(look.GetProperty("pageWidth").GetDouble() <= width, $"page {look.GetProperty("pageWidth")} px wide at {width}");
        if (width < 720)
        {
            Assert.True(look.GetProperty("height").GetDouble() >= 36, "a finger-sized target on a phone");
        }
        await more.ScrollIntoViewIfNeededAsync();
        await WebFixture.ScreenshotAsync(page, "48-facet-more-" + width);

        await more.ClickAsync();
        await page.WaitForFunctionAsync("() => location.search.includes('facetSize=0') && !document.querySelector('.xq-facet-more') && document.querySelector('.xq').dataset.state === 'done'");
        await OpenFiltersAsync(page);
        Assert.Equal(allDocs, await docFacet.Locator(".xq-check").CountAsync());
        Assert.Equal(0, await page.Locator(".xq-facet-more").CountAsync());
        await docFacet.ScrollIntoViewIfNeededAsync();
        await WebFixture.ScreenshotAsync(page, "49-facet-more-all-" + width);
        Assert.Empty(errors);
    }

    /// <summary>On a phone the filters fold behind a toggle: opened, as a reader would.</summary>
    private static async Task OpenFiltersAsync(IPage page)
    {
        var toggle = page.Locator(".xq-filters-toggle");
        if (await toggle.IsVisibleAsync() && await toggle.GetAttributeAsync("aria-expanded") != "true")
        {
            await toggle.ClickAsync();
        }
    }
}
