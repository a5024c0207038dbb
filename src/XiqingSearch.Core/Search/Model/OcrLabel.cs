namespace XiqingSearch.Core.Search.Model;

/// <summary>
/// How recognised text is named to people, the same words in the CLI and on the page: a hit from a scan is never
/// shown as if it were exact text.
/// </summary>
public static class OcrLabel
{
    /// <summary>The label of a paragraph recognised from a scan.</summary>
    public const string Recognised = "识别文本，可能有误";

    /// <summary>The label of a hit found by approximate matching (within an edit or two of the phrase).</summary>
    public const string Approximate = "近似";

    /// <summary>
    /// The label of a hit or paragraph: null for exact text; else <see cref="Recognised"/>, with the confidence as a
    /// percentage when the recogniser recorded one (<c>识别文本，可能有误 · 置信度 87%</c>).
    /// </summary>
    public static string? Of(bool ocr, double? confidence) =>
        !ocr ? null
        : confidence is double c ? string.Create(CultureInfo.InvariantCulture, $"{Recognised} · 置信度 {Math.Round(c * 100):0}%")
        : Recognised;
}
