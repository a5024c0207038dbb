namespace XiqingSearch.Server.Hosting;

/// <summary>
/// Endpoint metadata: the query strings with which the HTTP warm-up calls this route (<c>{phrase}</c> stands for
/// one of the index's own phrases, escaped). A route declares its own warm-up where it is mapped, so the warm-up
/// reads the routes from the routing table and Hosting never spells one.
/// </summary>
internal sealed class WarmUpRequests(params string[] queries)
{
    /// <summary>The placeholder for the warm-up phrase in a query string.</summary>
    public const string Phrase = "{phrase}";

    /// <summary>The query strings, each with its leading <c>?</c>, or empty for the route alone.</summary>
    public IReadOnlyList<string> Queries { get; } = queries.Length == 0 ? [""] : queries;
}
