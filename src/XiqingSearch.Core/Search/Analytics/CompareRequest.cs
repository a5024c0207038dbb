using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Search.Analytics;

/// <summary>
/// Several phrases compared year by year. Each phrase is a query in the search language, answered exactly as
/// <see cref="SearchEngine.Search(SearchRequest)"/> answers it with the same filters.
/// </summary>
public sealed record CompareRequest
{
    /// <summary>Most phrases one comparison may hold.</summary>
    public const int MaxPhrases = 100;

    /// <summary>The phrases (queries), in the order rows are reported; blank ones are skipped, repeats once.</summary>
    public required IReadOnlyList<string> Phrases { get; init; }

    /// <summary>The filters, as search takes them (<see cref="Model.Filters"/>); the years are also the columns shown.</summary>
    public Filters Filters { get; init; } = Filters.None;

    /// <summary>Years to keep (any range matches); also the columns shown: <see cref="Filters.Years"/>.</summary>
    public IReadOnlyList<YearRange> Years { get => Filters.Years; init => Filters = Filters with { Years = value }; }

    /// <summary>Topics to keep, as search's <c>topic</c> filter.</summary>
    public IReadOnlyList<string> Topics { get => Filters.Topics; init => Filters = Filters with { Topics = value }; }

    /// <summary>Chapters to keep, as search's <c>chapter</c> filter.</summary>
    public IReadOnlyList<string> Chapters { get => Filters.Chapters; init => Filters = Filters with { Chapters = value }; }

    /// <summary>Documents to keep, as search's <c>doc</c> filter.</summary>
    public IReadOnlyList<string> Docs { get => Filters.Docs; init => Filters = Filters with { Docs = value }; }

    /// <summary>Kinds to keep, as search's <c>kind</c> filter.</summary>
    public IReadOnlyList<string> Kinds { get => Filters.Kinds; init => Filters = Filters with { Kinds = value }; }

    /// <summary>Where a multi-year document counts.</summary>
    public MultiYearMode MultiYear { get; init; } = MultiYearMode.FirstYear;

    /// <summary>Who is asking: counts cover only the documents they may see (the operator sees all).</summary>
    public Access.Caller Caller { get; init; } = Access.Caller.Operator;
}
