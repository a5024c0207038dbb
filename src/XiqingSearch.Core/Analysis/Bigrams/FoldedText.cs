namespace XiqingSearch.Core.Analysis.Bigrams;

/// <summary>
/// A paragraph in the normalised form the character field indexes, with the map back to the original offsets.
/// Immutable; cached per paragraph by the searcher.
/// </summary>
internal sealed class FoldedText
{
    private readonly int[] _sourceIndex;

    public FoldedText(string original)
    {
        Original = original;
        Text = MatchFolding.Normalize(original, out _sourceIndex);
    }

    /// <summary>The stored text.</summary>
    public string Original { get; }

    /// <summary>Whitespace removed, folded (what the character field holds, one unit per unit).</summary>
    public string Text { get; }

    /// <summary>The original span of normalised units <c>[start, end)</c>.</summary>
    public TextSpan ToOriginal(int start, int end) => new(_sourceIndex[start], _sourceIndex[end - 1] + 1);
}
