using XiqingSearch.Core.Analysis.Bigrams;

namespace XiqingSearch.Core.Search.Query;

/// <summary>
/// One phrase of the query that is matched against paragraph text, in normalised form
/// (<see cref="Analysis.Bigrams.MatchFolding"/>). Highlighting marks every occurrence of every
/// phrase that is not under a NOT.
/// </summary>
internal sealed record TextPhrase(string Normalized, string Original);
