using System.Runtime.CompilerServices;
using XiqingSearch.Core.Ingestion;

namespace XiqingSearch.Core.Search.Commit;

/// <summary>
/// What a search reads of every match, kept for all paragraphs of a commit in one array by doc id
/// (<see cref="ParagraphTable.KeysOf"/>): the facet ordinals the filters test and the counts add to, and the sort
/// keys of the page's order. A match costs reads from this array, which a search walks in doc id order, instead
/// of following a reference to its <see cref="ParagraphRow"/> object and on to its document: at 624,000
/// paragraphs those two scattered reads per match were a third of a common phrase's search.
/// </summary>
internal readonly record struct RowKeys
{
    /// <summary>No paragraph at this doc id (a deleted document): the default value, so a new array of keys holds
    /// no row until one is written (filling 628,000 keys with a marker first was a tenth of the 1,000× open).</summary>
    public static readonly RowKeys None = new() { Document = -1 };

    /// <summary>Ordinal of the paragraph's document in <see cref="ParagraphTable.Documents"/>; -1 for <see cref="None"/>.</summary>
    public int Document { get; init; }

    /// <summary>The paragraph's number in its document (reading order).</summary>
    public int Paragraph { get; init; }

    /// <summary>The year (a sort key), and its ordinal in <see cref="FacetOrdinals.Years"/>.</summary>
    public int Year { get; init; }

    public int YearOrdinal { get; init; }

    /// <summary>Ordinals of the level-1 and level-2 chapter (-1: no chapter at that level).</summary>
    public int Chapter1Ordinal { get; init; }

    public int Chapter2Ordinal { get; init; }

    /// <summary>
    /// The ordinal of each <see cref="Model.FacetShape.Value"/> facet's value, by its place in
    /// <see cref="Model.FacetDeclarations.Valued"/> (into <see cref="FacetOrdinals.Values"/>; -1: none).
    /// </summary>
    public FacetKeys Values { get; init; }

    /// <summary>The kind's index in <see cref="ParagraphKindNames.All"/>.</summary>
    public int KindOrdinal { get; init; }

    /// <summary>True for a paragraph recognised from a scan (the indexed term <c>ocr:true</c>).</summary>
    public bool Ocr { get; init; }

    /// <summary>True for a paragraph; false for <see cref="None"/> and the default value. Held beside
    /// <see cref="Ocr"/>, in what was padding: the keys stay 44 bytes.</summary>
    public bool Exists { get; init; }

    public bool IsHeading => KindOrdinal == HeadingOrdinal;

    /// <summary>The index in <see cref="ParagraphKindNames.All"/> of a kind's wire name (-1 when unknown).</summary>
    public static int KindOrdinalOf(string kind)
    {
        for (var i = 0; i < ParagraphKindNames.All.Count; i++)
        {
            if (ParagraphKindNames.All[i] == kind)
            {
                return i;
            }
        }
        return -1;
    }

    private static readonly int HeadingOrdinal = KindOrdinalOf(ParagraphKindNames.Heading);
}

/// <summary>A row's ordinals of the value facets, held inline in the row's keys (no array per row).</summary>
[InlineArray(Model.FacetDeclarations.MaxValueFacets)]
internal struct FacetKeys
{
    private int _first;
}
