using Lucene.Net.Analysis.TokenAttributes;
using XiqingSearch.Core.Analysis.Bigrams;

namespace XiqingSearch.Core.Tests.Analysis.Bigrams;

public sealed class BigramTokenizerTests
{
    [Fact]
    public void Tokenize_ChineseText_GivesOverlappingBigramsAndALastUnigram()
    {
        Assert.Equal(
            [("天开", 0, 2, 1), ("开西", 1, 3, 1), ("西青", 2, 4, 1), ("青园", 3, 5, 1), ("园", 4, 5, 1)],
            Tokens("天开西青园"));
    }

    [Fact]
    public void Tokenize_SpacesAndFullWidthSpaces_LeaveNoGapAndKeepOriginalOffsets()
    {
        Assert.Equal([("20", 0, 2, 1), ("02", 1, 3, 1), ("23", 2, 4, 1), ("3年", 3, 6, 1), ("年", 5, 6, 1)], Tokens("2023 年"));
        Assert.Equal([("人民", 0, 3, 1), ("民", 2, 3, 1)], Tokens("人\u3000民"));
    }

    [Fact]
    public void Tokenize_FullWidthAndUpperCase_FoldToAsciiLowerCase()
    {
        Assert.Equal([("5g", 0, 2, 1), ("g", 1, 2, 1)], Tokens("５Ｇ"));
        Assert.Equal([("gd", 0, 2, 1), ("dp", 1, 3, 1), ("p", 2, 3, 1)], Tokens("GDP"));
    }

    [Fact]
    public void Tokenize_SurrogatePair_IsOneCodePoint()
    {
        Assert.Equal([("我😀", 0, 3, 1), ("😀们", 1, 4, 1), ("们", 3, 4, 1)], Tokens("我😀们"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t\u3000")]
    public void Tokenize_EmptyOrWhitespace_GivesNothing(string text)
    {
        Assert.Empty(Tokens(text));
    }

    [Fact]
    public void Normalize_MapsEveryUnitBackToTheOriginal()
    {
        var normalized = MatchFolding.Normalize("Ａ 2023 年", out var map);
        Assert.Equal("a2023年", normalized);
        Assert.Equal([0, 2, 3, 4, 5, 7], map);
    }

    private static List<(string Term, int Start, int End, int Increment)> Tokens(string text)
    {
        using var analyzer = new BigramAnalyzer();
        using var stream = analyzer.GetTokenStream("f", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var tokens = new List<(string, int, int, int)>();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset, increment.PositionIncrement));
        }
        stream.End();
        return tokens;
    }
}
