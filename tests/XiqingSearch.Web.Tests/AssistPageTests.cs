using Microsoft.Playwright;

namespace XiqingSearch.Web.Tests;

/// <summary>The page's suggestions while typing and its hints on an empty result (assist.js), in Chromium.</summary>
[Collection(WebCollection.Name)]
public sealed class AssistPageTests(WebFixture web)
{
    [Fact]
    public async Task Typing_ShowsSuggestions_ArrowAndEnterSearchTheChosenOne()
    {
        var (context, page, errors) = await web.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync(web.ServerUrl + "/");

        var input = page.Locator(".xq-input");
        await input.PressSequentiallyAsync("天开");
        var options = page.Locator(".xq-suggest [role=option]");
        await options.First.WaitForAsync();
        Assert.InRange(await options.CountAsync(), 1, 8);
        Assert.All(await page.Locator(".xq-suggest-text").AllTextContentsAsync(), t => Assert.Contains("天开", t));
        Assert.Equal("true", await input.GetAttributeAsync("aria-expanded"));
        await WebFixture.ScreenshotAsync(page, "10-suggestions");

        await input.PressAsync("ArrowDown");
        Assert.Equal("true", await options.First.GetAttributeAsync("aria-selected"));
        var chosen = await page.Locator(".xq-suggest-text").First.TextContentAsync();
        await input.PressAsync("Enter");
        await page.Locator(".xq[data-state=done]").WaitForAsync();
        Assert.Equal(chosen, await input.InputValueAsync());
        Assert.True(await page.Locator(".xq-hit").CountAsync() > 0);
        Assert.True(await page.Locator(".xq-suggest").IsHiddenAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Enter_OnAHighlightedSuggestion_SearchesThatSuggestionNotTheTypedText()
    {
        var (context, page, errors) = await web.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync(web.ServerUrl + "/?q=" + Uri.EscapeDataString("京津冀"));
        await page.Locator(".xq[data-state=done]").WaitForAsync();

        var input = page.Locator(".xq-input");
        await input.FillAsync("");
        await input.PressSequentiallyAsync("高质量");
        var options = page.Locator(".xq-suggest [role=option]");
        await options.Nth(1).WaitForAsync();

        // The second suggestion, by keyboard: Enter searches it, not the typed 高质量 nor the earlier 京津冀.
        await input.PressAsync("ArrowDown");
        await input.PressAsync("ArrowDown");
        Assert.Equal("true", await options.Nth(1).GetAttributeAsync("aria-selected"));
        Assert.Equal(await options.Nth(1).GetAttributeAsync("id"), await input.GetAttributeAsync("aria-activedescendant"));
        var chosen = (await page.Locator(".xq-suggest-text").Nth(1).TextContentAsync())!;
        Assert.NotEqual("高质量", chosen);
        await input.PressAsync("Enter");
        await page.WaitForFunctionAsync(
            "q => new URLSearchParams(location.search).get('q') === q && !document.querySelector('.xq').hasAttribute('aria-busy')", chosen);
        Assert.Equal(chosen, await input.InputValueAsync());
        Assert.StartsWith(chosen + " - ", await page.TitleAsync(), StringComparison.Ordinal);
        var marks = await page.Locator(".xq-hit mark.xq-mark").AllTextContentsAsync();
        Assert.NotEmpty(marks);
        Assert.All(marks, m => Assert.Equal(chosen, m));
        Assert.True(await page.Locator(".xq-suggest").IsHiddenAsync());
        await WebFixture.ScreenshotAsync(page, "12-enter-on-suggestion");

        // The one under the mouse is highlighted too, and Enter searches it.
        await input.FillAsync("");
        await input.PressSequentiallyAsync("天开");
        await options.First.WaitForAsync();
        await options.Last.HoverAsync();
        Assert.Equal("true", await options.Last.GetAttributeAsync("aria-selected"));
        var hovered = (await page.Locator(".xq-suggest-text").Last.TextContentAsync())!;
        await input.PressAsync("Enter");
        await page.WaitForFunctionAsync(
            "q => new URLSearchParams(location.search).get('q') === q && !document.querySelector('.xq').hasAttribute('aria-busy')", hovered);
        Assert.Equal(hovered, await input.InputValueAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Enter_WithNoSuggestionHighlighted_SearchesTheTypedText()
    {
        var (context, page, errors) = await web.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync(web.ServerUrl + "/");

        var input = page.Locator(".xq-input");
        await input.PressSequentiallyAsync("天开");
        await page.Locator(".xq-suggest [role=option]").First.WaitForAsync();
        await input.PressAsync("Enter");
        await page.WaitForFunctionAsync(
            "() => new URLSearchParams(location.search).get('q') === '天开' && document.querySelector('.xq[data-state=done]:not([aria-busy])')");
        Assert.True(await page.Locator(".xq-suggest").IsHiddenAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Typo_ShowsDidYouMean_ClickSearchesTheSuggestion()
    {
        var (context, page, errors) = await web.NewPageAsync();
        await using var _ = context;
        await page.GotoAsync(web.ServerUrl + "/?q=" + Uri.EscapeDataString("天开西清园"));
        await page.Locator(".xq[data-state=done]").WaitForAsync();
        var link = page.Locator(".xq-did-you-mean .xq-hint-link", new() { HasText = "天开西青园" });
        await link.WaitForAsync();
        Assert.Contains("8 处", await page.Locator(".xq-did-you-mean").TextContentAsync());
        await WebFixture.ScreenshotAsync(page, "11-did-you-mean");

        await link.ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.xq-hit mark.xq-mark').length === 8");
        Assert.Equal("天开西青园", await page.Locator(".xq-input").InputValueAsync());
        Assert.True(await page.Locator(".xq-hints").IsHiddenAsync());
        Assert.Empty(errors);
    }
}
