using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace XiqingSearch.Web.Tests;

/// <summary>The page in a portal's iframe, from an origin allowed with <c>--embed-origin</c> and from one that is not.</summary>
[Collection(WebCollection.Name)]
public sealed class EmbedPageTests(WebFixture web)
{
    private const string Park = "天开西青园";

    [Fact]
    public async Task Embed_IframeFromEmbedOrigin_ShowsThePageWithItsHits()
    {
        var (context, page, errors) = await web.NewPageAsync();
        await using var _ = context;

        await page.GotoAsync(web.PortalUrl + "/frame?q=" + Uri.EscapeDataString(Park));
        var frame = page.FrameLocator("#search");
        await frame.Locator(".xq[data-state=done]").WaitForAsync();

        Assert.True(await frame.Locator(".xq-hit").CountAsync() > 0);
        Assert.Contains(Park, await frame.Locator(".xq-hit mark.xq-mark").First.TextContentAsync());
        await WebFixture.ScreenshotAsync(page, "40-embed-iframe-allowed");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Embed_IframeFromOriginNotAllowed_IsRefusedAndTheLogNamesTheSetting()
    {
        // A second portal, on an origin the server was not told about.
        await using var portal = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]).Build();
        portal.MapGet("/frame", (string q) => Results.Content(WebFixture.FramePage(web.ServerUrl, q), "text/html; charset=utf-8"));
        portal.MapGet("/favicon.ico", () => Results.NoContent());
        await portal.StartAsync();
        var origin = portal.Urls.First().TrimEnd('/');

        var (context, page, _) = await web.NewPageAsync();
        await using var __ = context;
        await page.GotoAsync(origin + "/frame?q=" + Uri.EscapeDataString(Park));

        // The server saw the frame's request and says which setting lets this portal in.
        string? warning = null;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (warning is null && DateTime.UtcNow < deadline)
        {
            warning = web.ServerLog.Lines.FirstOrDefault(l => l.Contains("in a frame", StringComparison.Ordinal) && l.Contains(origin, StringComparison.Ordinal));
            await Task.Delay(100);
        }
        Assert.NotNull(warning);
        Assert.StartsWith("Warning", warning, StringComparison.Ordinal);
        Assert.Contains("--embed-origin " + origin, warning, StringComparison.Ordinal);
        Assert.Contains("Xiqing:EmbedOrigins", warning, StringComparison.Ordinal);

        // And the browser did refuse it: the frame holds no search page.
        var child = page.Frames.Single(f => f != page.MainFrame);
        await page.WaitForTimeoutAsync(500);
        Assert.Equal(0, await child.Locator(".xq").CountAsync());
        await WebFixture.ScreenshotAsync(page, "41-embed-iframe-refused");
        await portal.StopAsync();
    }
}
