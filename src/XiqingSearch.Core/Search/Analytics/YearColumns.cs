using XiqingSearch.Core.Search.Commit;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Search.Analytics;

/// <summary>A column of a year-by-year view: a year, or a multi-year document's own series (its period).</summary>
internal readonly record struct YearColumn(int Year, string? Period);

/// <summary>
/// Which column each document counts under. The one place the multi-year rule lives, so compare and new-terms
/// place the five-year plan alike.
/// </summary>
internal sealed class YearColumns
{
    private readonly Dictionary<DocumentInfo, YearColumn> _byDocument;

    private YearColumns(Dictionary<DocumentInfo, YearColumn> byDocument, int unknownYearParagraphs)
    {
        _byDocument = byDocument;
        UnknownYearParagraphs = unknownYearParagraphs;
        Columns = [.. byDocument.Values.Distinct().OrderBy(c => c.Period is null ? 0 : 1).ThenBy(c => c.Year).ThenBy(c => c.Period, StringComparer.Ordinal)];
    }

    /// <summary>Years first (ascending), then periods.</summary>
    public IReadOnlyList<YearColumn> Columns { get; }

    /// <summary>Paragraphs of documents whose year is unknown: they have no column, so they are left out.</summary>
    public int UnknownYearParagraphs { get; }

    public IEnumerable<int> Years => Columns.Where(c => c.Period is null).Select(c => c.Year);

    public IEnumerable<string> Periods => Columns.Where(c => c.Period is not null).Select(c => c.Period!);

    /// <summary>The column of <paramref name="document"/>, or false when it is left out.</summary>
    public bool TryGet(DocumentInfo document, out YearColumn column) => _byDocument.TryGetValue(document, out column);

    public static YearColumns Build(IEnumerable<DocumentInfo> documents, MultiYearMode mode,
        IReadOnlyList<YearRange> years, IReadOnlyList<string> docs)
    {
        var byDocument = new Dictionary<DocumentInfo, YearColumn>(ReferenceEqualityComparer.Instance);
        var unknown = 0;
        foreach (var document in documents)
        {
            if (docs.Count > 0 && !docs.Contains(document.Doc, StringComparer.Ordinal))
            {
                continue;
            }
            if (years.Count > 0 && !years.Any(r => r.Contains(document.Year)))
            {
                continue;
            }
            if (document.KnownYear is null)
            {
                // A year-by-year view has no place for a document of no year: left out, and counted so the
                // result can say so.
                unknown += document.Paragraphs;
                continue;
            }
            if (document.Period is null || mode == MultiYearMode.FirstYear)
            {
                byDocument[document] = new YearColumn(document.Year, null);
            }
            else if (mode == MultiYearMode.Own)
            {
                byDocument[document] = new YearColumn(document.Year, document.Period);
            }
        }
        return new YearColumns(byDocument, unknown);
    }
}
