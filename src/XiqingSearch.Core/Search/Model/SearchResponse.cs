namespace XiqingSearch.Core.Search.Model;

/// <summary>
/// The result model: one type, serialised as camelCase JSON (the one set of JSON options, at the boundary) by the CLI's
/// <c>--format json</c> and by <c>GET /api/search</c>. Field names are a contract.
/// </summary>
public sealed record SearchResponse
{
    /// <summary>The query as given.</summary>
    public required string Query { get; init; }

    /// <summary>The Lucene query it became, for people debugging a query.</summary>
    public required string Parsed { get; init; }

    /// <summary>Matching paragraphs, after filters, over all pages.</summary>
    public int TotalHits { get; init; }

    /// <summary>Highlighted occurrences in all matching paragraphs, over all pages.</summary>
    public int TotalOccurrences { get; init; }

    /// <summary>
    /// Of <see cref="TotalHits"/>, the paragraphs (recognised from scans) matched only approximately; written when
    /// there are any.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public int ApproximateHits { get; init; }

    /// <summary>Of <see cref="TotalOccurrences"/>, the approximate occurrences; written when there are any.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public int ApproximateOccurrences { get; init; }

    /// <summary>Wall time of parse + search + highlight + facets, in milliseconds.</summary>
    public double TookMs { get; init; }

    /// <summary>Hits skipped.</summary>
    public int Offset { get; init; }

    /// <summary>Page size used (equals <see cref="TotalHits"/> when all hits were asked for).</summary>
    public int Limit { get; init; }

    /// <summary>This page of hits.</summary>
    public required IReadOnlyList<SearchHit> Hits { get; init; }

    /// <summary>Facet counts over all matches.</summary>
    public required SearchFacets Facets { get; init; }

    /// <summary>
    /// For each facet cut to the request's <c>facetSize</c> (by its JSON name: <c>doc</c>, <c>chapter</c> …), what
    /// was left out; null (absent) when no facet was cut.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, FacetOmission>? FacetsOmitted { get; init; }

    /// <summary>
    /// The phrases synonyms.txt (beside the sources) expanded, each with the variants searched; absent when no phrase
    /// was expanded (no file, no group matched, or the query began with <c>exact:</c>).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SynonymExpansion>? Expansions { get; init; }

    /// <summary>
    /// Why nothing was found and what would be (filters that removed every hit, unknown filter values, phrases the
    /// corpus never contains with near phrases that it does), and notes on how the query was read. Absent when
    /// the search found hits and there is nothing to note.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public SearchHints? Hints { get; init; }
}
