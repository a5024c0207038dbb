namespace XiqingSearch.Core.Search.Suggestions;

/// <summary>
/// One completion for the search box: <paramref name="Text"/> as the documents write it (normalised: no
/// whitespace, full-width and variant forms folded), <paramref name="Occurrences"/> in the whole corpus, and where
/// it comes from: <c>heading</c>, <c>word</c> (a SmartCn word of two or more characters) or <c>ngram</c> (a frequent
/// character sequence).
/// </summary>
public sealed record Suggestion(string Text, int Occurrences, string Kind);

/// <summary>The answer of <c>GET /api/suggest</c>: completions of <paramref name="Query"/>, prefix matches first.</summary>
public sealed record SuggestResponse(string Query, IReadOnlyList<Suggestion> Suggestions, double TookMs);
