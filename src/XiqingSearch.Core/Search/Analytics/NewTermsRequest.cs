namespace XiqingSearch.Core.Search.Analytics;

/// <summary>What is new in a year, and what is gone from it.</summary>
public sealed record NewTermsRequest
{
    /// <summary>Most terms per list.</summary>
    public const int MaxLimit = 500;

    /// <summary>Terms per list when none is given.</summary>
    public const int DefaultLimit = 20;

    /// <summary>The year to look at (the verb's subject, not a filter).</summary>
    public required int Year { get; init; }

    /// <summary>The first year to compare with; null = the corpus's first year.</summary>
    public int? Since { get; init; }

    /// <summary>Terms per list (1..<see cref="MaxLimit"/>).</summary>
    public int Limit { get; init; } = DefaultLimit;

    /// <summary>
    /// The filters, as search takes them (<see cref="Model.Filters"/>) but for the years: the terms come only from
    /// the paragraphs they keep, and their counts are search's with the same filters.
    /// </summary>
    public Model.Filters Filters { get; init; } = Model.Filters.None;

    /// <summary>Where a multi-year document counts: under its first year or left out (an own series is no year to compare with).</summary>
    public MultiYearMode MultiYear { get; init; } = MultiYearMode.FirstYear;

    /// <summary>Who is asking: terms come only from the documents they may see (the operator sees all).</summary>
    public Access.Caller Caller { get; init; } = Access.Caller.Operator;
}
