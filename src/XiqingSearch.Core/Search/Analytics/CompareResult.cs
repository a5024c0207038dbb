using System.Text.Json.Serialization;

namespace XiqingSearch.Core.Search.Analytics;

/// <summary>Phrases year by year: one row per phrase, one cell per year (the result of <c>xiqing compare</c> and <c>GET /api/compare</c>).</summary>
public sealed record CompareResult
{
    /// <summary>The phrases compared, in row order.</summary>
    public required IReadOnlyList<string> Phrases { get; init; }

    /// <summary>The years shown, ascending (every year with documents that pass the filters, with or without matches).</summary>
    public required IReadOnlyList<int> Years { get; init; }

    /// <summary>With <see cref="MultiYearMode.Own"/>: the periods shown as their own series (<c>2021–2025</c>); otherwise empty.</summary>
    public IReadOnlyList<string> Periods { get; init; } = [];

    /// <summary>Where multi-year documents were counted.</summary>
    public MultiYearMode MultiYear { get; init; }

    /// <summary>The same, in words.</summary>
    public required string MultiYearNote { get; init; }

    /// <summary>One row per phrase.</summary>
    public required IReadOnlyList<CompareRow> Rows { get; init; }

    /// <summary>Paragraphs left out because their document's year is unknown (0: none).</summary>
    public int UnknownYearParagraphs { get; init; }

    /// <summary>Milliseconds the comparison took.</summary>
    public double TookMs { get; init; }
}

/// <summary>One phrase across the years.</summary>
public sealed record CompareRow
{
    /// <summary>The phrase (query) as given.</summary>
    public required string Phrase { get; init; }

    /// <summary>Occurrences over all cells.</summary>
    public int Total { get; init; }

    /// <summary>First year with an occurrence, or null when there is none.</summary>
    public int? FirstYear { get; init; }

    /// <summary>Last year with an occurrence, or null when there is none.</summary>
    public int? LastYear { get; init; }

    /// <summary>One cell per year of the result's <c>years</c>, then one per period of its <c>periods</c>.</summary>
    public required IReadOnlyList<CompareCell> Cells { get; init; }
}

/// <summary>One phrase in one year (or one multi-year document's own series).</summary>
public sealed record CompareCell
{
    /// <summary>The year; for a period's series, its first year.</summary>
    public int Year { get; init; }

    /// <summary>For a multi-year document's own series: its period (<c>2021–2025</c>); otherwise null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Period { get; init; }

    /// <summary>Occurrences, as search counts them (<c>totalOccurrences</c>).</summary>
    public int Occurrences { get; init; }

    /// <summary>Paragraphs with an occurrence (search's <c>totalHits</c>).</summary>
    public int Paragraphs { get; init; }

    /// <summary>Documents with an occurrence.</summary>
    public int Documents { get; init; }

    /// <summary>Occurrences per 10,000 characters (whitespace not counted) of this column's documents, rounded to 2 decimals.</summary>
    public double Per10k { get; init; }

    /// <summary>Characters (whitespace not counted) of this column's documents: what <see cref="Per10k"/> is per.</summary>
    public long Characters { get; init; }
}
