using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Search.Facets;

/// <summary>
/// The filters a paragraph fails, one bit per facet (<see cref="FacetBits"/>): the three facets with rules of their
/// own (year, chapter, document) have the first bits, each <see cref="FacetShape.Value"/> facet the bit after them
/// at its place in <see cref="FacetDeclarations.Valued"/>; kind and OCR, which have no facet, the last ones.
/// </summary>
[Flags]
internal enum FacetMask
{
    None = 0,
    Year = 1,
    Chapter = 2,
    Doc = 4,

    /// <summary>The kind filter; it has no facet: failing it excludes the row from every count.</summary>
    Kind = 1 << 30,

    /// <summary>The OCR filter (exact text only, or recognised text only); like kind, it has no facet.</summary>
    Ocr = 1 << 29,
}

/// <summary>The bit of each declared facet in a <see cref="FacetMask"/>.</summary>
internal static class FacetBits
{
    private const int FirstValueBit = 3;

    /// <summary>The bit of each value facet, by its place in <see cref="FacetDeclarations.Valued"/>.</summary>
    public static FacetMask[] Valued { get; } = [.. Enumerable.Range(0, FacetDeclarations.Valued.Count).Select(k => (FacetMask)(1 << (FirstValueBit + k)))];

    /// <summary>The bit of <paramref name="facet"/>.</summary>
    public static FacetMask Of(FacetDeclaration facet) => facet.Shape switch
    {
        FacetShape.Year => FacetMask.Year,
        FacetShape.Chapter => FacetMask.Chapter,
        FacetShape.Document => FacetMask.Doc,
        _ => Valued[FacetDeclarations.ValueIndexOf(facet)],
    };
}
