namespace XiqingSearch.Core.Search.Analytics;

/// <summary>The terms that appear in a year and those that disappear from it (<c>xiqing new-terms</c>, <c>GET /api/new-terms</c>).</summary>
public sealed record NewTermsResult
{
    /// <summary>The year looked at.</summary>
    public required int Year { get; init; }

    /// <summary>The first year compared with.</summary>
    public required int Since { get; init; }

    /// <summary>The years compared with (those before <see cref="Year"/>, from <see cref="Since"/>).</summary>
    public required IReadOnlyList<int> EarlierYears { get; init; }

    /// <summary>Where multi-year documents were counted.</summary>
    public MultiYearMode MultiYear { get; init; }

    /// <summary>The same, in words.</summary>
    public required string MultiYearNote { get; init; }

    /// <summary>Terms found in the year and in none of the earlier years: most occurrences first, then most paragraphs.</summary>
    public required IReadOnlyList<AppearedTerm> Appeared { get; init; }

    /// <summary>Terms found in an earlier year and in neither this year nor any later one: latest last year first, then most occurrences.</summary>
    public required IReadOnlyList<DisappearedTerm> Disappeared { get; init; }

    /// <summary>Paragraphs left out because their document's year is unknown (0: none).</summary>
    public int UnknownYearParagraphs { get; init; }

    /// <summary>Milliseconds the analysis took.</summary>
    public double TookMs { get; init; }
}

/// <summary>A term new in the year.</summary>
public sealed record AppearedTerm
{
    /// <summary>The term (normalised text; a search for it finds exactly these occurrences).</summary>
    public required string Term { get; init; }

    /// <summary>Occurrences in the year, as search counts them.</summary>
    public int Occurrences { get; init; }

    /// <summary>Paragraphs of the year it occurs in.</summary>
    public int Paragraphs { get; init; }
}

/// <summary>A term gone from the year on.</summary>
public sealed record DisappearedTerm
{
    /// <summary>The term.</summary>
    public required string Term { get; init; }

    /// <summary>The last year it occurs in.</summary>
    public int LastYear { get; init; }

    /// <summary>Occurrences in that last year, as search counts them.</summary>
    public int Occurrences { get; init; }

    /// <summary>Paragraphs of that last year it occurs in.</summary>
    public int Paragraphs { get; init; }
}
