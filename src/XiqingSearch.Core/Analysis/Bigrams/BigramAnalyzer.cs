using Lucene.Net.Analysis;

namespace XiqingSearch.Core.Analysis.Bigrams;

/// <summary>
/// The analyzer of the exact-phrase fields: normalised character bigrams (<see cref="BigramTokenizer"/>).
/// Recall and precision of phrase search rest on it, not on word segmentation, so a phrase is found wherever it
/// occurs, whatever SmartCn makes of the text around it.
/// </summary>
public sealed class BigramAnalyzer : Analyzer
{
    private readonly int _positionIncrementGap;

    /// <summary>
    /// An analyzer whose values of one multi-valued field are <paramref name="positionIncrementGap"/> positions
    /// apart (0: adjacent, so a phrase may span two values).
    /// </summary>
    public BigramAnalyzer(int positionIncrementGap = 0)
    {
        _positionIncrementGap = positionIncrementGap;
    }

    /// <inheritdoc/>
    public override int GetPositionIncrementGap(string fieldName) => _positionIncrementGap;

    /// <inheritdoc/>
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        new(new BigramTokenizer(reader));
}
