namespace XiqingSearch.Core.Search.Commit;

/// <summary>The stored fields of one paragraph that only hits need (read for the page shown, not kept).</summary>
internal sealed record StoredFields(
    string Text,
    IReadOnlyList<string> Chapter,
    IReadOnlyList<string> TopicKeywords,
    int FirstLine,
    int LastLine,
    int? FirstPage,
    int? LastPage)
{
    /// <summary>True for a paragraph recognised from a scan (the stored field <c>ocr</c>).</summary>
    public bool Ocr { get; init; }

    /// <summary>The stored <c>ocr_confidence</c> (0..1), or null.</summary>
    public double? OcrConfidence { get; init; }
}
