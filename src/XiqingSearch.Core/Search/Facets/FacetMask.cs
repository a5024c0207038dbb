namespace XiqingSearch.Core.Search.Facets;

/// <summary>The filters a paragraph fails, one bit per facet (plus kind, which has no facet).</summary>
[Flags]
internal enum FacetMask
{
    None = 0,
    Year = 1,
    Topic = 2,
    Chapter = 4,
    Doc = 8,
    Kind = 16,
    Type = 32,
    Issuer = 64,

    /// <summary>The OCR filter (exact text only, or recognised text only); like kind, it has no facet.</summary>
    Ocr = 128,
}
