using System.Collections;
using XiqingSearch.Core.Configuration;

namespace XiqingSearch.Core.Tests.Configuration;

/// <summary>The <c>Xiqing:Ocr:*</c> settings resolved into the index options, as every front end gets them.</summary>
public sealed class OcrSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("xiqing-settings-").FullName;

    [Fact]
    public void ToIndexOptions_Nothing_OcrOffWithDefaultsAndTheCacheBesideTheIndex()
    {
        var ocr = SettingsResolver.Resolve(new Dictionary<string, string?>(), new Hashtable(), _folder).ValueOrThrow().ToIndexOptions().Ocr;

        Assert.False(ocr.Enabled);
        Assert.Equal("chi_sim+eng", ocr.Languages);
        Assert.Equal(TimeSpan.FromSeconds(60), ocr.PageTimeout);
        Assert.Equal(Path.Combine(_folder, "index.ocr-cache"), ocr.CacheDirectory);
    }

    [Fact]
    public void ToIndexOptions_FileEnvironmentAndFlag_EachOcrSettingRead()
    {
        File.WriteAllText(Path.Combine(_folder, "appsettings.json"),
            """{ "Xiqing": { "Ocr": { "Enabled": true, "Languages": "chi_tra", "PageTimeoutSeconds": 5, "Tesseract": "/opt/t/tesseract" } } }""");
        var environment = new Hashtable { ["XIQING_OCR__PDFTOPPM"] = "/opt/p/pdftoppm" };
        var flags = new Dictionary<string, string?> { ["index"] = "idx", ["ocr:cachedirectory"] = "cache" };

        var ocr = SettingsResolver.Resolve(flags, environment, _folder).ValueOrThrow().ToIndexOptions().Ocr;

        Assert.True(ocr.Enabled);
        Assert.Equal("chi_tra", ocr.Languages);
        Assert.Equal(TimeSpan.FromSeconds(5), ocr.PageTimeout);
        Assert.Equal("/opt/t/tesseract", ocr.Tesseract);
        Assert.Equal("/opt/p/pdftoppm", ocr.Pdftoppm);
        Assert.Equal(Path.Combine(_folder, "cache"), ocr.CacheDirectory);
    }

    [Fact]
    public void Resolve_MisspeltOcrSetting_IsRefusedWithTheNearestKey()
    {
        var resolved = SettingsResolver.Resolve(new Dictionary<string, string?> { ["ocr:enable"] = "true" }, new Hashtable(), _folder);

        Assert.Contains("ocr:enabled", Assert.Single(resolved.Problems).Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
