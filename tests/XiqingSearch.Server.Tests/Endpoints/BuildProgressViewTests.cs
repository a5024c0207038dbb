using System.Text.Json;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Server.Endpoints;

namespace XiqingSearch.Server.Tests.Endpoints;

/// <summary>
/// <c>/readyz</c>'s <c>progress</c> while a scan is recognised: the OCR pages done of its pages, counts only (the
/// probe names no file), and nothing of OCR when the last report was a file's.
/// </summary>
public sealed class BuildProgressViewTests
{
    private static readonly JsonSerializerOptions s_web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Of_ReportAfterAnOcrPage_CarriesThePagesDoneAndTotalButNoFileName()
    {
        var progress = new IndexProgress("index", 3, 10, 120, 5_000, 90_000, TimeSpan.FromSeconds(42.26), "scan-clean.pdf")
        {
            OcrFile = "scan-clean.pdf",
            OcrPagesDone = 3,
            OcrPagesTotal = 14,
        };

        var json = JsonSerializer.SerializeToElement(BuildProgressView.Of(progress), s_web);

        Assert.Equal(3, json.GetProperty("ocrPagesDone").GetInt32());
        Assert.Equal(14, json.GetProperty("ocrPagesTotal").GetInt32());
        Assert.Equal(3, json.GetProperty("filesDone").GetInt32());
        Assert.DoesNotContain("scan-clean", json.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Of_ReportAfterAFile_HasNoOcrFields()
    {
        var progress = new IndexProgress("index", 4, 10, 130, 6_000, 90_000, TimeSpan.FromSeconds(50), "plan.txt");

        var json = JsonSerializer.SerializeToElement(BuildProgressView.Of(progress), s_web);

        Assert.False(json.TryGetProperty("ocrPagesDone", out _));
        Assert.False(json.TryGetProperty("ocrPagesTotal", out _));
        Assert.Equal(4, json.GetProperty("filesDone").GetInt32());
    }
}
