using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace XiqingSearch.Core.Tests.Analysis.SmartCn;

/// <summary>One token as the tests see it: term, offsets and position increment.</summary>
internal readonly record struct AnalyzedToken(string Term, int Start, int End, int Increment)
{
    public static List<AnalyzedToken> Analyze(Analyzer analyzer, string text)
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(new AnalyzedToken(term.ToString(), offset.StartOffset, offset.EndOffset, increment.PositionIncrement));
        }
        stream.End();
        return tokens;
    }

    public override string ToString() => $"{Term}[{Start},{End})+{Increment}";
}
