namespace XiqingSearch.Core.Search.Query;

/// <summary>A parsed query: the Lucene query that matches and scores, and the phrases to highlight.</summary>
internal sealed record CompiledQuery(
    Lucene.Net.Search.Query Lucene,
    IReadOnlyList<TextPhrase> Highlight,
    string Parsed,
    IReadOnlyList<SynonymExpansion>? Expansions = null);
