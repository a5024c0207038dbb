using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Search.Query;

/// <summary>A parsed query: the Lucene query that matches and scores, and the phrases to highlight.</summary>
internal sealed record CompiledQuery(
    Lucene.Net.Search.Query Lucene,
    IReadOnlyList<TextPhrase> Highlight,
    string Parsed,
    IReadOnlyList<SynonymExpansion>? Expansions = null)
{
    /// <summary>Phrases and field filters in the query, what <see cref="QueryLimits.MaxClauses"/> counts.</summary>
    public int Clauses { get; init; } = 1;

    /// <summary>The text phrase clauses of <see cref="Lucene"/>, by query object (for approximate matching).</summary>
    public IReadOnlyDictionary<Lucene.Net.Search.Query, TextPhrase> PhraseClauses { get; init; } =
        new Dictionary<Lucene.Net.Search.Query, TextPhrase>();
}
