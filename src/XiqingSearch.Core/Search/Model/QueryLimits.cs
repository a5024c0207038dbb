namespace XiqingSearch.Core.Search.Model;

/// <summary>
/// What one search may cost, so a hostile or careless query cannot hold a worker for seconds: at most
/// <see cref="MaxClauses"/> phrases and filters (a larger query is refused before it runs, <c>query.too-many-clauses</c>),
/// and at most <see cref="Timeout"/> of work (then the search is stopped, <c>search.timeout</c>).
/// </summary>
public sealed record QueryLimits
{
    /// <summary>The server's defaults: 64 clauses, 10 seconds.</summary>
    public static QueryLimits Default { get; } = new();

    /// <summary>No limits (the CLI: whoever runs it waits for their own query).</summary>
    public static QueryLimits None { get; } = new() { MaxClauses = int.MaxValue, Timeout = System.Threading.Timeout.InfiniteTimeSpan };

    /// <summary>Most phrases and field filters in one query.</summary>
    public int MaxClauses { get; init; } = 64;

    /// <summary>Longest a search may run; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no limit.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
}
