using Microsoft.Playwright;

namespace XiqingSearch.Web.Tests;

[Collection(WebCollection.Name)]
public sealed partial class SearchPageTests(WebFixture web)
{
    private const string Park = "天开西青园";

    [Fact]
    public async Task Search_ParkName_ShowsEightHighlightsOverTwoYears()
    {
        var (context, page, errors) = await web.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync(web.ServerUrl + "/");

        await page.Locator(".xq-input").FillAsync(Park);
        await page.Locator(".xq-input").PressAsync("Enter");
        await page.Locator(".xq[data-state=done]").WaitForAsync();

        var marks = page.Locator(".xq-hit mark.xq-mark");
        Assert.Equal(8, await marks.CountAsync());
        Assert.All(await marks.AllTextContentsAsync(), text => Assert.Equal(Park, text));
        Assert.Equal(2, await page.Locator(".xq-chart rect.xq-bar[height]:not([height='0'])").CountAsync());
        var status = await page.Locator(".xq-status").First.TextContentAsync();
        Assert.Contains("8 处匹配", status);
        Assert.Contains("2 个年份", status);
        Assert.Contains("q=" + Uri.EscapeDataString(Park), page.Url, StringComparison.OrdinalIgnoreCase);
        // Each hit shows year · title · chapter path · topic.
        var meta = page.Locator(".xq-hit .xq-meta").First;
        Assert.Matches(@"^20\d\d · .+ · .+ · .+$", await meta.TextContentAsync());
        await WebFixture.ScreenshotAsync(page, "01-search-tiankai");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task YearFacet_Click_ChangesHitsAndCounts()
    {
        var (context, page, errors) = await web.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync(web.ServerUrl + "/?q=" + Uri.EscapeDataString(Park));
        await page.Locator(".xq[data-state=done]").WaitForAsync();
        var before = await page.Locator(".xq-hit").CountAsync();
        var statusBefore = await page.Locator(".xq-status").First.TextContentAsync();

        var year = page.Locator("[data-facet=year] .xq-facet-label").First;
        var yearText = (await year.Locator(".xq-facet-value").TextContentAsync())!.TrimEnd('年');
        var expected = int.Parse(await year.Locator(".xq-count").TextContentAsync() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        await year.Locator("input").FocusAsync();
        await page.Keyboard.PressAsync("Space"); // facets work from the keyboard
        // pushState is no navigation: wait on the URL itself.
        await page.WaitForFunctionAsync("y => location.search.includes('year=' + y)", yearText);
        await page.Locator(".xq[data-state=done]:not([aria-busy])").WaitForAsync();
        await page.WaitForFunctionAsync("s => document.querySelector('.xq-status').textContent !== s", statusBefore);

        var after = await page.Locator(".xq-hit").CountAsync();
        Assert.Equal(expected, after);
        Assert.True(after < before, $"{after} hits after filtering, {before} before");
        Assert.All(await page.Locator(".xq-hit .xq-year").AllTextContentsAsync(), y => Assert.Equal(yearText, y));
        Assert.True(await page.Locator("[data-facet=year] input:checked").CountAsync() == 1);
        Assert.NotEqual(statusBefore, await page.Locator(".xq-status").First.TextContentAsync());
        await WebFixture.ScreenshotAsync(page, "02-year-facet");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task OpenContext_ShowsTheParagraphAmongItsNeighbours()
    {
        var (context, page, errors) = await web.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync(web.ServerUrl + "/?q=" + Uri.EscapeDataString(Park));
        await page.Locator(".xq[data-state=done]").WaitForAsync();
        var hitText = await page.Locator(".xq-hit .xq-text").First.TextContentAsync();

        await page.Locator(".xq-open").First.ClickAsync();
        var current = page.Locator(".xq-context .xq-ctx-current");
        await current.WaitForAsync();

        Assert.Contains(hitText!, await current.TextContentAsync());
        Assert.True(await current.Locator("mark").CountAsync() > 0);
        Assert.True(await page.Locator(".xq-context .xq-ctx-para").CountAsync() > 1);
        Assert.Contains("ctx=", page.Url, StringComparison.Ordinal);
        await WebFixture.ScreenshotAsync(page, "03-paragraph-context");

        // The link is shareable: opening the URL afresh shows the same paragraph.
        var (context2, page2, _) = await web.NewPageAsync();
        await using var __ = context2;
        await page2.GotoAsync(page.Url);
        await page2.Locator(".xq-context .xq-ctx-current").WaitForAsync();
        Assert.Contains(hitText!, await page2.Locator(".xq-context .xq-ctx-current").TextContentAsync());

        await page.Keyboard.PressAsync("Escape");
        Assert.True(await page.Locator(".xq-context").IsHiddenAsync());
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("<script>window.__xss=1</script>", "04-script-query")]
    [InlineData("<img src=x onerror=\"window.__xss=1\">西青", "05-img-query")]
    public async Task ScriptQuery_RendersAsText(string query, string screenshot)
    {
        var (context, page, errors) = await web.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync(web.ServerUrl + "/");
        await page.Locator(".xq-input").FillAsync(query);
        await page.Locator(".xq-input").PressAsync("Enter");
        await page.WaitForFunctionAsync("() => !document.querySelector('.xq').hasAttribute('aria-busy')");
        await page.WaitForTimeoutAsync(200);

        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss"));
        Assert.Equal(0, await page.Locator(".xq script, .xq img").CountAsync());
        Assert.Equal(query, await page.Locator(".xq-input").InputValueAsync());
        // Whatever the answer (an error with the query under a caret, or no hits), the query shows as text.
        var shown = await page.Locator(".xq").InnerTextAsync();
        if (await page.Locator(".xq-error-query").CountAsync() > 0)
        {
            Assert.Contains(query, await page.Locator(".xq-error-query").TextContentAsync());
        }
        Assert.DoesNotContain("undefined", shown);
        await WebFixture.ScreenshotAsync(page, screenshot);
        Assert.DoesNotContain(errors, e => e.StartsWith("dialog", StringComparison.Ordinal) || e.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DocumentTextWithMarkup_RendersAsTextWithOnlyMarksAdded()
    {
        // No seed holds markup, so the server's answer is rewritten in the browser: a real response whose first
        // hit's text, title, chapter and topic are replaced by markup.
        var (context, page, errors) = await web.NewPageAsync();
        await using var _ = context;
        const string Evil = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";
        await page.RouteAsync("**/api/search?*", async route =>
        {
            var response = await route.FetchAsync();
            var json = System.Text.Json.Nodes.JsonNode.Parse(await response.TextAsync())!;
            var hit = json["hits"]![0]!;
            var text = Evil + Park + Evil;
            hit["text"] = text;
            hit["title"] = Evil;
            hit["topic"] = Evil;
            hit["chapter"] = new System.Text.Json.Nodes.JsonArray(Evil);
            hit["highlights"] = new System.Text.Json.Nodes.JsonArray(
                new System.Text.Json.Nodes.JsonObject { ["start"] = Evil.Length, ["end"] = Evil.Length + Park.Length });
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = json.ToJsonString() });
        });
        await page.GotoAsync(web.ServerUrl + "/?q=" + Uri.EscapeDataString(Park));
        await page.Locator(".xq[data-state=done]").WaitForAsync();
        await page.WaitForTimeoutAsync(200);

        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss"));
        Assert.Equal(0, await page.Locator(".xq script, .xq img").CountAsync());
        var first = page.Locator(".xq-hit").First;
        Assert.Equal(Evil + Park + Evil, await first.Locator(".xq-text").TextContentAsync());
        Assert.Equal([Park], await first.Locator(".xq-text mark").AllTextContentsAsync());
        Assert.Equal(1, await first.Locator(".xq-text *").CountAsync()); // the mark is the only element added
        await WebFixture.ScreenshotAsync(page, "10-markup-in-document");
        Assert.DoesNotContain(errors, e => e.StartsWith("dialog", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MalformedQuery_ShowsMessageWithCaret()
    {
        var (context, page, _) = await web.NewPageAsync();
        await using var __ = context;
        await page.GotoAsync(web.ServerUrl + "/?q=" + Uri.EscapeDataString("\"天开西青园"));
        await page.Locator(".xq-error-query").WaitForAsync();

        var text = await page.Locator(".xq-error-query").TextContentAsync();
        Assert.Contains("^", text);
        await WebFixture.ScreenshotAsync(page, "06-query-error");
    }

    [Fact]
    public async Task Page_SatisfiesItsOwnContentSecurityPolicy_OnANarrowScreen()
    {
        var (context, page, errors) = await web.NewPageAsync(390, 844);
        await using var _ = context;
        var response = await page.GotoAsync(web.ServerUrl + "/?q=" + Uri.EscapeDataString("高质量发展"));
        await page.Locator(".xq[data-state=done]").WaitForAsync();

        Assert.Contains("script-src 'self'", (await response!.AllHeadersAsync())["content-security-policy"]);
        Assert.True(await page.Locator(".xq-hit").CountAsync() > 0);
        // Nothing wider than the screen.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"));
        // Pagination works.
        if (await page.Locator(".xq-pager button[aria-label]").CountAsync() > 1)
        {
            await page.Locator(".xq-pager button[aria-label]").Nth(1).ClickAsync();
            await page.WaitForFunctionAsync("() => location.search.includes('offset=10')");
        }
        await WebFixture.ScreenshotAsync(page, "07-narrow-screen");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Embed_MountsIntoAPortalOfAnotherOrigin()
    {
        var (context, page, errors) = await web.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync(web.PortalUrl + "/");
        var input = page.Locator("#search .xq-input"); // Playwright's CSS pierces the open shadow root
        await input.WaitForAsync();

        await input.FillAsync(Park);
        await input.PressAsync("Enter");
        await page.Locator("#search .xq[data-state=done]").WaitForAsync();

        Assert.Equal(8, await page.Locator("#search .xq-hit mark").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => !!document.querySelector('#search').shadowRoot"));
        // The portal's CSS (green, 30px paragraphs) stays out of the search UI.
        var color = await page.Locator("#search .xq-text").First.EvaluateAsync<string>("e => getComputedStyle(e).color");
        Assert.NotEqual("rgb(0, 128, 0)", color);
        Assert.Contains("#q=", page.Url, StringComparison.Ordinal);
        await WebFixture.ScreenshotAsync(page, "08-embed-portal");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Iframe_ShowsThePageInsideAnotherSite()
    {
        var (context, page, errors) = await web.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync(web.PortalUrl + "/");
        await page.SetContentAsync(
            $"<h1>门户</h1><iframe id=f src=\"{web.ServerUrl}/?q={Uri.EscapeDataString(Park)}\" width=1000 height=700></iframe>");
        var frame = page.FrameLocator("#f");
        await frame.Locator(".xq[data-state=done]").WaitForAsync();

        Assert.Equal(8, await frame.Locator(".xq-hit mark").CountAsync());
        await WebFixture.ScreenshotAsync(page, "09-iframe");
        Assert.Empty(errors);
    }
}
