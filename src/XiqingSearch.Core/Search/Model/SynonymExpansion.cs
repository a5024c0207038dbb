namespace XiqingSearch.Core.Search.Model;

/// <summary>
/// A phrase of the query that synonyms.txt expanded: <paramref name="Phrase"/> (normalised) was searched as each of
/// <paramref name="Variants"/> (itself first), every one an exact phrase, highlighted and counted.
/// </summary>
public sealed record SynonymExpansion(string Phrase, IReadOnlyList<string> Variants);
