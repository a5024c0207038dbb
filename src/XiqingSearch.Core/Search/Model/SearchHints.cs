using System.Text.Json.Serialization;

namespace XiqingSearch.Core.Search.Model;

/// <summary>
/// Why a query found nothing and what would find something (<see cref="SearchResponse.Hints"/>): set when a
/// search has no hits, or when the query was read in a way the user may not have meant (lower-case and/or/not).
/// </summary>
public sealed record SearchHints
{
    /// <summary>Filters that removed every match, each with the hits the query has without it.</summary>
    public IReadOnlyList<FilterHint> Filters { get; init; } = [];

    /// <summary>Filter values no paragraph has (<c>--topic 不存在</c>), each with the values that exist.</summary>
    public IReadOnlyList<UnknownValueHint> UnknownValues { get; init; } = [];

    /// <summary>Phrases of the query (normalised) that occur nowhere in the corpus, so nothing can match them.</summary>
    public IReadOnlyList<string> Unmatched { get; init; } = [];

    /// <summary>Corpus phrases one character edit away from an unmatched phrase, most frequent first.</summary>
    public IReadOnlyList<PhraseSuggestion> DidYouMean { get; init; } = [];

    /// <summary>How the query was read, where that may surprise (e.g. lower-case <c>and</c> searched as a word).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>True when there is nothing to say.</summary>
    [JsonIgnore]
    public bool IsEmpty => Filters.Count == 0 && UnknownValues.Count == 0 && Unmatched.Count == 0 && DidYouMean.Count == 0
        && Notes.Count == 0;
}

/// <summary>
/// A filter that removed all matches: <paramref name="Filter"/> is year, topic, chapter, doc or kind,
/// <paramref name="Values"/> the selected values, <paramref name="HitsWithout"/> the hits with this filter dropped.
/// </summary>
public sealed record FilterHint(string Filter, IReadOnlyList<string> Values, int HitsWithout);

/// <summary>A filter value that does not exist in the index, with the values that do (<paramref name="Valid"/>).</summary>
public sealed record UnknownValueHint(string Filter, string Value, IReadOnlyList<string> Valid);

/// <summary>
/// <paramref name="Suggestion"/>, found in the corpus, for the unmatched <paramref name="Phrase"/>;
/// <paramref name="Query"/> is the query with the phrase replaced, ready to run; <paramref name="Hits"/> and
/// <paramref name="Occurrences"/> count the suggestion in the whole corpus (no filters).
/// </summary>
public sealed record PhraseSuggestion(string Phrase, string Suggestion, string Query, int Hits, int Occurrences);
