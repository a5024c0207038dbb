using System.Text;
using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Tests.Analysis.Bigrams;

namespace XiqingSearch.Core.Tests.Search;

/// <summary>
/// The ground truth for exact phrase search, written independently of the engine: remove whitespace, fold
/// full-width ASCII and case, fold variants (the table computed from ICU and Unicode by
/// <see cref="Analysis.Bigrams.VariantTableSource"/>, not the engine's data file), then look for the phrase as a
/// substring. Occurrences that overlap or touch are one
/// span, as the engine reports them.
/// </summary>
internal static class BruteForce
{
    private static readonly Lazy<Dictionary<char, char>> Variants =
        new(() => Analysis.Bigrams.VariantTableSource.Compute().ToDictionary(l => l.Source, l => l.Target));

    public static (string Text, List<int> Source) Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var source = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u2060' or '\uFEFF' or '\u00AD')
            {
                continue;
            }
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                c = (char)(c - 0xFEE0);
            }
            c = char.IsSurrogate(c) ? c : char.ToLowerInvariant(c);
            builder.Append(Variants.Value.TryGetValue(c, out var folded) ? folded : c);
            source.Add(i);
        }
        return (builder.ToString(), source);
    }

    public static string NormalizeQuery(string phrase) => Normalize(phrase).Text;

    /// <summary>Merged spans (original offsets) of every occurrence of every phrase.</summary>
    public static List<TextSpan> Occurrences(string text, params string[] phrases)
    {
        var (normalized, source) = Normalize(text);
        var raw = new List<(int Start, int End)>();
        foreach (var phrase in phrases.Select(NormalizeQuery).Where(p => p.Length > 0))
        {
            for (var at = normalized.IndexOf(phrase, StringComparison.Ordinal); at >= 0;
                 at = normalized.IndexOf(phrase, at + 1, StringComparison.Ordinal))
            {
                raw.Add((at, at + phrase.Length));
            }
        }
        raw.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var r in raw)
        {
            if (merged.Count > 0 && r.Start < merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, r.End));
            }
            else
            {
                merged.Add(r);
            }
        }
        return [.. merged.Select(m => new TextSpan(source[m.Start], source[m.End - 1] + 1))];
    }
}
