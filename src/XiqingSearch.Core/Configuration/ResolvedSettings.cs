using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Configuration;

/// <summary>
/// Settings resolved by <see cref="SettingsResolver"/>: each value from the highest layer that has it. Immutable.
/// </summary>
public sealed class ResolvedSettings
{
    private readonly IReadOnlyList<SettingsLayer> _layers;

    internal ResolvedSettings(IReadOnlyList<SettingsLayer> layers, string currentDirectory)
    {
        _layers = layers;
        CurrentDirectory = currentDirectory;
    }

    /// <summary>The directory relative paths are resolved against.</summary>
    public string CurrentDirectory { get; }

    /// <summary>The value of <paramref name="key"/> (any spelling <see cref="SettingsResolver.NormaliseKey"/> accepts), or null.</summary>
    public string? Get(string key)
    {
        var canonical = SettingsResolver.NormaliseKey(key);
        foreach (var layer in _layers)
        {
            if (layer.Values.TryGetValue(canonical, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }
        }
        return null;
    }

    /// <summary>Where <paramref name="key"/>'s value came from (<c>flag</c>, <c>environment</c>, a file name), or <c>default</c>.</summary>
    public string SourceOf(string key)
    {
        var canonical = SettingsResolver.NormaliseKey(key);
        return _layers.FirstOrDefault(l => l.Values.TryGetValue(canonical, out var v) && !string.IsNullOrWhiteSpace(v))?.Source
            ?? "default";
    }

    /// <summary>A path setting made absolute against <see cref="CurrentDirectory"/>, or null.</summary>
    public string? GetPath(string key) => Get(key) is { } value ? Path.GetFullPath(value, CurrentDirectory) : null;

    /// <summary>A whole number of 0 or more, or <paramref name="fallback"/> when absent or not one.</summary>
    public long GetWhole(string key, long fallback) =>
        long.TryParse(Get(key), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    /// <summary>A positive number (seconds, say), or <paramref name="fallback"/> when absent or not one.</summary>
    public double GetPositive(string key, double fallback) =>
        double.TryParse(Get(key), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value)
            ? value
            : fallback;

    /// <summary>
    /// The readers' limits (<c>ingestion:…</c>): each a positive whole number, the default of
    /// <see cref="IngestLimits"/> when absent, 0 or not a number (a limit of 0 would refuse every document).
    /// </summary>
    public IngestLimits ToIngestLimits()
    {
        var d = IngestLimits.Default;
        return new IngestLimits
        {
            MaxPartBytes = Limit(SettingsKeys.IngestionMaxPartBytes, d.MaxPartBytes, long.MaxValue),
            MaxInflatedBytes = Limit(SettingsKeys.IngestionMaxInflatedBytes, d.MaxInflatedBytes, long.MaxValue),
            MaxCompressionRatio = (int)Limit(SettingsKeys.IngestionMaxCompressionRatio, d.MaxCompressionRatio, int.MaxValue),
            MaxNestingDepth = (int)Limit(SettingsKeys.IngestionMaxNestingDepth, d.MaxNestingDepth, int.MaxValue),
            MaxPages = (int)Limit(SettingsKeys.IngestionMaxPages, d.MaxPages, int.MaxValue),
            MaxDocumentCharacters = Limit(SettingsKeys.IngestionMaxDocumentCharacters, d.MaxDocumentCharacters, long.MaxValue),
            MaxParagraphCharacters = (int)Limit(SettingsKeys.IngestionMaxParagraphCharacters, d.MaxParagraphCharacters, int.MaxValue),
            StreamTextBytes = Limit(SettingsKeys.IngestionStreamTextBytes, d.StreamTextBytes, long.MaxValue),
        };
    }

    private long Limit(string key, long fallback, long max)
    {
        var value = GetWhole(key, fallback);
        return value <= 0 ? fallback : Math.Min(value, max);
    }

    /// <summary>A comma-separated list (a JSON array in a file), trimmed, without empty entries.</summary>
    public IReadOnlyList<string> GetList(string key) =>
        (Get(key) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary><c>true</c>/<c>false</c> (also <c>1</c>/<c>0</c>, <c>yes</c>/<c>no</c>, <c>on</c>/<c>off</c>), or
    /// <paramref name="fallback"/> when absent or none of these.</summary>
    public bool GetBool(string key, bool fallback) => Get(key)?.ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => fallback,
    };

    /// <summary>The index, seeds and jar locations, absolute, the readers' limits, and how OCR runs.</summary>
    public IndexOptions ToIndexOptions()
    {
        var index = GetPath(SettingsKeys.Index) ?? Path.GetFullPath("index", CurrentDirectory);
        return new()
        {
            IngestLimits = ToIngestLimits(),
            IndexDirectory = index,
            SeedsDirectory = GetPath(SettingsKeys.Seeds) ?? Path.GetFullPath("seeds", CurrentDirectory),
            SmartCnJar = GetPath(SettingsKeys.SmartCnJar),
            Ocr = ToOcrOptions(index),
        };
    }

    /// <summary>
    /// OCR settings. The cache defaults to a sibling of the index folder, <c>&lt;index&gt;.ocr-cache</c>: the index
    /// folder holds only Lucene's files and the build lock, and beside it the cache goes where the index goes (same
    /// disk, deleted together), while a rebuild of the index from scratch still finds every page recognised before.
    /// </summary>
    private Ingestion.Ocr.OcrOptions ToOcrOptions(string index)
    {
        var defaults = Ingestion.Ocr.OcrOptions.Disabled;
        return new()
        {
            Enabled = GetBool(SettingsKeys.OcrEnabled, false),
            Tesseract = Get(SettingsKeys.OcrTesseract) ?? defaults.Tesseract,
            Pdftoppm = Get(SettingsKeys.OcrPdftoppm) ?? defaults.Pdftoppm,
            Languages = Get(SettingsKeys.OcrLanguages) ?? defaults.Languages,
            PageTimeout = TimeSpan.FromSeconds(GetPositive(SettingsKeys.OcrPageTimeoutSeconds, defaults.PageTimeout.TotalSeconds)),
            CacheDirectory = GetPath(SettingsKeys.OcrCacheDirectory)
                ?? Path.TrimEndingDirectorySeparator(index) + ".ocr-cache",
        };
    }
}
