using System.Text.Json;
using Microsoft.Playwright;

namespace XiqingSearch.Web.Tests;

/// <summary>文件库: every document with its table of contents (<c>GET /api/documents/{doc}/outline</c>), a heading opening the document there.</summary>
[Collection(WebCollection.Name)]
public sealed class LibraryPageTests(WebFixture web)
{
    private static int CountNodes(JsonElement headings) =>
        headings.EnumerateArray().Sum(h => 1 + CountNodes(h.GetProperty("children")));

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task Library_ListsEveryDocumentWithItsOutline_AndAHeadingOpensTheDocumentThere(int width, int height)
    {
        var (context, page, errors) = await web.NewPageAsync(width, height);
        await using var _ = context;
        await page.GotoAsync(web.ServerUrl + "/?view=library");
        await page.Locator(".xqa-library-item").First.WaitForAsync();

        var documents = await page.EvaluateAsync<JsonElement>("() => fetch('/api/documents').then(r => r.json())");
        Assert.Equal(documents.GetArrayLength(), await page.Locator(".xqa-library-item").CountAsync());
        foreach (var d in documents.EnumerateArray())
        {
            var summary = await page.Locator($".xqa-doc[data-doc='{d.GetProperty("doc").GetString()}'] summary").TextContentAsync();
            Assert.Contains(d.GetProperty("title").GetString()!, summary);
            Assert.Contains(d.GetProperty("paragraphs").GetInt32() + " 段", summary);
            var period = d.TryGetProperty("period", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            Assert.Contains(period ?? d.GetProperty("year").GetInt32() + " 年", summary);
        }
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - innerWidth"));

        // The five-year plan's table of contents: the outline's tree, every heading a link.
        var plan = documents.EnumerateArray().First(d => d.GetProperty("type").GetString() == "five-year-plan").GetProperty("doc").GetString()!;
        var outline = await page.EvaluateAsync<JsonElement>("d => fetch('/api/documents/' + encodeURIComponent(d) + '/outline').then(r => r.json())", plan);
        var headings = outline.GetProperty("headings");
        Assert.True(CountNodes(headings) > 5);
        var entry = page.Locator($".xqa-doc[data-doc='{plan}']");
        await entry.Locator("summary").ClickAsync();
        await entry.Locator(".xqa-toc-link").First.WaitForAsync();
        Assert.Equal(CountNodes(headings), await entry.Locator(".xqa-toc a.xqa-toc-link").CountAsync());
        Assert.True(await entry.Locator(".xqa-toc .xqa-toc").CountAsync() > 0);
        await WebFixture.ScreenshotAsync(page, "46-library-" + width);

        // A level-2 heading opens the whole document at it.
        var child = headings.EnumerateArray().First(h => h.GetProperty("children").GetArrayLength() > 0).GetProperty("children")[0];
        var n = child.GetProperty("paragraph").GetInt32();
        await entry.Locator($"a.xqa-toc-link[data-paragraph='{n}']").ClickAsync();
        var current = page.Locator(".xq-context.xq-document .xq-ctx-current");
        await current.WaitForAsync();
        Assert.Equal(n.ToString(System.Globalization.CultureInfo.InvariantCulture), await current.GetAttributeAsync("data-paragraph"));
        Assert.Contains(child.GetProperty("text").GetString()!, await current.TextContentAsync());
        Assert.True(await current.IsVisibleAsync());
        Assert.True(await page.Locator(".xq-context .xq-close").IsVisibleAsync());
        await WebFixture.ScreenshotAsync(page, "47-library-document-" + width);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Outline_Api_NestsHeadingsByLevel_404ForAnUnknownDocument_AndIsInOpenApi()
    {
        using var client = new HttpClient();
        var documents = JsonDocument.Parse(await client.GetStringAsync(web.ServerUrl + "/api/documents")).RootElement;
        foreach (var d in documents.EnumerateArray())
        {
            var doc = d.GetProperty("doc").GetString()!;
            var outline = JsonDocument.Parse(await client.GetStringAsync(web.ServerUrl + "/api/documents/" + Uri.EscapeDataString(doc) + "/outline")).RootElement;
            Assert.Equal(doc, outline.GetProperty("doc").GetString());
            Assert.Equal(d.GetProperty("paragraphs").GetInt32(), outline.GetProperty("paragraphs").GetInt32());
            // Children are deeper than their parent and come after it, everything in reading order.
            void Check(JsonElement list, int level, int after)
            {
                var previous = after;
                foreach (var h in list.EnumerateArray())
                {
                    Assert.True(h.GetProperty("level").GetInt32() >= level);
                    Assert.True(h.GetProperty("paragraph").GetInt32() > previous);
                    Assert.False(string.IsNullOrWhiteSpace(h.GetProperty("text").GetString()));
                    Check(h.GetProperty("children"), h.GetProperty("level").GetInt32() + 1, h.GetProperty("paragraph").GetInt32());
                    previous = LastParagraph(h);
                }
            }
            Check(outline.GetProperty("headings"), 1, 0);
        }

        var missing = await client.GetAsync(web.ServerUrl + "/api/documents/no-such-document/outline");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("request.not-found", JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetProperty("code").GetString());

        var openApi = JsonDocument.Parse(await client.GetStringAsync(web.ServerUrl + "/openapi/v1.json")).RootElement;
        var operation = openApi.GetProperty("paths").GetProperty("/api/documents/{doc}/outline").GetProperty("get");
        Assert.Equal("doc", operation.GetProperty("parameters")[0].GetProperty("name").GetString());
        Assert.True(operation.GetProperty("responses").TryGetProperty("404", out _));
    }

    private static int LastParagraph(JsonElement heading)
    {
        var children = heading.GetProperty("children");
        return children.GetArrayLength() == 0 ? heading.GetProperty("paragraph").GetInt32() : LastParagraph(children[children.GetArrayLength() - 1]);
    }
}
