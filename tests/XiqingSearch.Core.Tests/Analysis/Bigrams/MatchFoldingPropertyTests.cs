using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Search.Highlighting;

namespace XiqingSearch.Core.Tests.Analysis.Bigrams;

/// <summary>
/// Properties of the folding every exact match and highlight rests on: the folded text maps back to the stored text
/// unit for unit, so a phrase found in the folded text is highlighted exactly where it is in the original.
/// </summary>
public sealed class MatchFoldingPropertyTests
{
    // Pieces real text is made of: simplified and traditional ideographs, radicals and compatibility forms,
    // full-width ASCII, the whitespace and invisible characters folding drops, Latin, digits, punctuation, a
    // character outside the BMP (a surrogate pair) and a lone surrogate as a broken extraction leaves it.
    private static readonly string[] s_pieces =
    [
        "天", "开", "西", "青", "园", "開", "園", "⻘", "発", "發", "展", "高", "质", "質", "量", "区", "區",
        "Ａ", "ｂ", "１", "２", "（", "）", "：", "A", "b", "Z", "5", "G", "\u3000", " ", "\t", "\n", "\u200B",
        "\u00AD", "\uFEFF", "\u2060", "，", "。", "“", "”", "𠮷", "\uD842", "-", ".",
    ];

    private static Arbitrary<string> Texts() =>
        Gen.Elements(s_pieces).ListOf().Select(pieces => string.Concat(pieces)).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property MapPointsEachFoldedUnitAtTheUnitItCameFrom() => Prop.ForAll(Texts(), text =>
    {
        var folded = MatchFolding.Normalize(text, out var map);
        var kept = map.ToHashSet();
        return folded == MatchFolding.Normalize(text.AsSpan())
            && map.Length == folded.Length
            && map.Zip(map.Skip(1)).All(pair => pair.First < pair.Second)
            && Enumerable.Range(0, folded.Length).All(i => folded[i] == MatchFolding.Fold(text[map[i]]))
            && Enumerable.Range(0, text.Length).All(i => kept.Contains(i) || MatchFolding.IsIgnorable(text[i]));
    });

    [Property(MaxTest = 500)]
    public Property AFoldedSpanMapsBackToOriginalTextThatFoldsToIt() => Prop.ForAll(Texts(), Gen.Choose(0, 1 << 20).ToArbitrary(), Gen.Choose(0, 1 << 20).ToArbitrary(),
        (text, a, b) =>
        {
            var folded = new FoldedText(text);
            if (folded.Text.Length == 0)
            {
                return true;
            }
            var start = Math.Abs(a % folded.Text.Length);
            var end = start + 1 + Math.Abs(b % (folded.Text.Length - start));
            var span = folded.ToOriginal(start, end);
            // The original span starts and ends on kept units and folds to exactly the folded substring.
            return MatchFolding.Normalize(text.AsSpan(span.Start, span.End - span.Start)) == folded.Text[start..end]
                && !MatchFolding.IsIgnorable(text[span.Start])
                && !MatchFolding.IsIgnorable(text[span.End - 1]);
        });

    [Property(MaxTest = 300)]
    public Property FoldingTwiceChangesNothing() => Prop.ForAll(Texts(), text =>
    {
        var once = MatchFolding.Normalize(text.AsSpan());
        return MatchFolding.Normalize(once.AsSpan()) == once;
    });
}
