using System.Text.RegularExpressions;
using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Search.Commit;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Search.Query;
using XiqingSearch.Core.Search.Suggestions;

namespace XiqingSearch.Core.Search.Hints;

/// <summary>
/// Builds <see cref="SearchHints"/> from a finished search: the same search without each filter, the query's
/// phrases, and the normalised text of the commit's paragraphs (held per commit with the suggestion index), so a
/// hint costs a few searches and a scan of the corpus text, paid only by queries that found nothing.
/// </summary>
internal static partial class HintBuilder
{
    private const int MaxSuggestions = 3;

    /// <summary>True when the query has something to remark on even if it found hits.</summary>
    /// <remarks>A query without the letters of a lower-case operator (most: Chinese phrases) has none to remark on,
    /// so every search does not pay for the rewrite and two regular expressions.</remarks>
    public static bool HasNotes(string query) =>
        query.AsSpan().IndexOfAny('a', 'n', 'o') >= 0 && LowerCaseOperator().IsMatch(StripQuoted(query));

    /// <summary>
    /// The hints of a search that found <paramref name="hits"/>: <paramref name="corpus"/> is the normalised text of
    /// every paragraph, <paramref name="totalHits"/> runs the same search with other filters (no hints of its own).
    /// </summary>
    public static SearchHints? Build(SearchRequest request, CompiledQuery query, ParagraphTable table,
        IReadOnlyList<CorpusText> corpus, int hits, Func<SearchRequest, int> totalHits)
    {
        var hints = new SearchHints { Notes = Notes(request.Query) };
        if (hits == 0)
        {
            var unmatched = Unmatched(query, corpus);
            hints = hints with
            {
                Filters = Filters(request, totalHits),
                UnknownValues = UnknownValues(request, table),
                Unmatched = unmatched,
                DidYouMean = [.. unmatched.SelectMany(p => DidYouMean(p, request.Query, query, corpus)).Take(MaxSuggestions * 2)],
            };
        }
        return hints.IsEmpty ? null : hints;
    }

    private static List<FilterHint> Filters(SearchRequest request, Func<SearchRequest, int> totalHits)
    {
        var filters = new List<(string Name, IReadOnlyList<string> Values, SearchRequest Without)>();
        void Add(string name, IEnumerable<string> values, SearchRequest without)
        {
            var selected = values.ToList();
            if (selected.Count > 0)
            {
                filters.Add((name, selected, without));
            }
        }
        // Every declared filter but the heading, which narrows as chapter: in the query does and stays with it.
        var declared = RequestDeclarations.Filters.Where(f => f.Parameter != RequestDeclarations.Heading).ToList();
        foreach (var filter in declared)
        {
            Add(filter.Parameter.Name, filter.Values(request.Filters), request with { Filters = filter.With(request.Filters, []).Value });
        }
        Add("ocr", request.Ocr is bool ocr ? [ocr ? "true" : "false"] : [], request with { Ocr = null });
        var result = new List<FilterHint>();
        if (filters.Count == 0)
        {
            return result;
        }
        var none = request with { Filters = declared.Aggregate(request.Filters, (f, d) => d.With(f, []).Value), Ocr = null };
        var withoutAll = totalHits(none);
        if (withoutAll == 0)
        {
            return result;   // the query finds nothing anyway: the filters are not why
        }
        foreach (var (name, values, without) in filters)
        {
            result.Add(new FilterHint(name, values, filters.Count == 1 ? withoutAll : totalHits(without)));
        }
        // Several filters together may each leave hits and still exclude all: say how many without any of them.
        if (filters.Count > 1)
        {
            result.Add(new FilterHint("all", [.. filters.SelectMany(f => f.Values)], withoutAll));
        }
        return result;
    }

    private static List<UnknownValueHint> UnknownValues(SearchRequest request, ParagraphTable table)
    {
        var result = new List<UnknownValueHint>();
        void Check(string name, IEnumerable<string> selected, Func<ParagraphRow, string> value)
        {
            List<string>? valid = null;
            foreach (var s in selected)
            {
                valid ??= [.. table.Rows.Select(value).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
                if (!valid.Contains(s, StringComparer.Ordinal))
                {
                    result.Add(new UnknownValueHint(name, s, valid));
                }
            }
        }
        foreach (var filter in RequestDeclarations.Filters)
        {
            var name = filter.Parameter.Name;
            var selected = filter.Values(request.Filters);
            if (filter.Parameter == RequestDeclarations.Doc)
            {
                Check(name, selected, r => r.Document.Doc);
            }
            else if (filter.Parameter == RequestDeclarations.Kind)
            {
                Check(name, selected, r => r.Kind);
            }
            else if (FacetDeclarations.Valued.FirstOrDefault(f => f.Filter == filter) is { } facet
                && filter.Parameter.Type == ParameterValueType.Text)
            {
                // A value facet of free text (topic, issuer): the values the commit has, as the facet lists them.
                var k = FacetDeclarations.ValueIndexOf(facet);
                var names = table.Ordinals.Values[k];
                Check(name, selected, r => table.KeysOf(r.DocId).Values[k] is var o and >= 0 ? names[o] : string.Empty);
            }
        }
        // The years of the commit, oldest first, and the unknown year (0) after them, as the facet lists it last.
        var years = table.Documents.Select(d => d.Year).Distinct().OrderBy(y => y == 0 ? int.MaxValue : y).ToList();
        foreach (var range in request.Years)
        {
            if (!years.Any(range.Contains))
            {
                result.Add(new UnknownValueHint("year", range.ToString(), [.. years.Select(YearRange.Label)]));
            }
        }
        return result;
    }

    /// <summary>The query's phrases that occur in no paragraph at all.</summary>
    private static List<string> Unmatched(CompiledQuery query, IReadOnlyList<CorpusText> corpus)
    {
        var result = new List<string>();
        foreach (var phrase in query.Highlight)
        {
            if (phrase.Normalized.Length > 0 && CorpusCount(phrase.Normalized, corpus).Hits == 0)
            {
                result.Add(phrase.Normalized);
            }
        }
        return result;
    }

    /// <summary>Paragraphs and occurrences of a normalised phrase in the whole corpus.</summary>
    public static (int Hits, int Occurrences) CorpusCount(string normalized, IReadOnlyList<CorpusText> corpus)
    {
        var hits = 0;
        var occurrences = 0;
        foreach (var (text, paragraphs) in corpus)
        {
            var found = 0;
            for (var at = text.IndexOf(normalized, StringComparison.Ordinal); at >= 0;
                 at = text.IndexOf(normalized, at + normalized.Length, StringComparison.Ordinal))
            {
                found++;
            }
            if (found > 0)
            {
                hits += paragraphs;
                occurrences += found * paragraphs;
            }
        }
        return (hits, occurrences);
    }

    /// <summary>
    /// Corpus strings of letters and digits one insertion, deletion or substitution away from
    /// <paramref name="phrase"/> (天开西清园 → 天开西青园, 天开西q青园 → 天开西青园), most frequent first.
    /// </summary>
    private static IEnumerable<PhraseSuggestion> DidYouMean(string phrase, string typed, CompiledQuery query, IReadOnlyList<CorpusText> corpus)
    {
        if (phrase.Length < 2 || phrase.Length > 24)
        {
            yield break;
        }
        var candidates = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (text, paragraphs) in corpus)
        {
            for (var length = Math.Max(2, phrase.Length - 1); length <= phrase.Length + 1; length++)
            {
                for (var i = 0; i + length <= text.Length; i++)
                {
                    var window = text.AsSpan(i, length);
                    if (WithinOneEdit(phrase, window) && IsWord(window))
                    {
                        var key = window.ToString();
                        candidates[key] = candidates.GetValueOrDefault(key) + paragraphs;
                    }
                }
            }
        }
        var original = query.Highlight.FirstOrDefault(p => p.Normalized == phrase)?.Original;
        foreach (var (candidate, _) in candidates.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(MaxSuggestions))
        {
            var (hits, occurrences) = CorpusCount(candidate, corpus);
            var at = original is null ? -1 : typed.IndexOf(original, StringComparison.Ordinal);
            var suggested = at < 0 ? candidate : typed[..at] + candidate + typed[(at + original!.Length)..];
            yield return new PhraseSuggestion(phrase, candidate, suggested, hits, occurrences);
        }
    }

    private static bool IsWord(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Levenshtein distance ≤ 1, exactly 1 (the phrase itself occurs nowhere, so 0 never happens).</summary>
    internal static bool WithinOneEdit(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }
        // What is left between the common prefix and suffix must be at most one unit on each side.
        return a.Length - prefix - suffix <= 1 && b.Length - prefix - suffix <= 1 && !a.SequenceEqual(b);
    }

    private static List<string> Notes(string query)
    {
        var notes = new List<string>();
        foreach (System.Text.RegularExpressions.Match m in LowerCaseOperator().Matches(StripQuoted(query)))
        {
            var word = m.Groups[1].Value;
            notes.Add($"'{word}' was searched as a word: operators are upper case ({word.ToUpperInvariant()}); " +
                $"type {word.ToUpperInvariant()} to combine phrases, or put \"{word}\" in quotes to keep the word.");
        }
        return [.. notes.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The query with quoted phrases blanked, so a quoted "and" is not taken for an operator.</summary>
    private static string StripQuoted(string query) => QuotedPhrase().Replace(TypedSyntax.Rewrite(query), m => new string(' ', m.Length));

    [GeneratedRegex(@"(?<=^|\s)(and|or|not)(?=\s|$)")]
    private static partial Regex LowerCaseOperator();

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex QuotedPhrase();
}
