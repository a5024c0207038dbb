using XiqingSearch.Core.Analysis.SmartCn;

namespace XiqingSearch.Core.Tests.Analysis.SmartCn;

/// <summary>The §4 breaker against boundaries recorded from JDK 17's <c>BreakIterator.getSentenceInstance(Locale.ROOT)</c>.</summary>
public sealed class SentenceBreakerTests
{
    private static int[] Boundaries(string text)
    {
        var boundaries = new List<int>();
        SentenceBreaker.Split(text, boundaries);
        return [.. boundaries];
    }

    [Theory]
    [InlineData("中国。你好", new[] { 3, 5 })]
    [InlineData("1. 发展", new[] { 3, 5 })]
    [InlineData("2.《规划》", new[] { 2, 6 })]
    [InlineData("好！！” 下", new[] { 5, 6 })]
    [InlineData("e.g. the end. The", new[] { 14, 17 })]
    [InlineData("Mr. Smith", new[] { 4, 9 })]
    [InlineData("第一\u2029第二", new[] { 3, 5 })]
    [InlineData("नमस्ते। test", new[] { 8, 12 })]
    public void Split_TerminatorsAndPeriods_MatchJdk(string text, int[] expected) =>
        Assert.Equal(expected, Boundaries(text));

    [Fact]
    public void Split_SemicolonCommaAndNewline_NeverEndASentence() =>
        Assert.Equal([7], Boundaries("甲；乙，丙\n丁"));

    [Fact]
    public void Split_NonCharacterFFFF_StandsBetweenTwoBreaks() =>
        Assert.Equal([1, 2, 3], Boundaries("A\uFFFFB"));

    [Fact]
    public void Split_EmptyText_HasNoBoundaries() => Assert.Empty(Boundaries(""));

    [Theory]
    [InlineData(0x4E2D, SentenceBreaker.Upper)]        // 中: Lo
    [InlineData(0x20000, SentenceBreaker.Upper)]       // Ext-B
    [InlineData(0x1F600, SentenceBreaker.Other)]       // 😀: So
    [InlineData(0x9FFD, SentenceBreaker.Other)]        // assigned in Unicode 14: Cn to the JDK
    [InlineData(0x1D169, SentenceBreaker.Comma)]       // §4 quirk: Mn classed as COMMA
    [InlineData(0x2A6DE, SentenceBreaker.Upper)]       // §4 quirk: unassigned but UPPER
    [InlineData(0x300A, SentenceBreaker.Open)]         // 《
    [InlineData(0x00A0, SentenceBreaker.Space)]        // NBSP: Zs
    [InlineData(0x200D, SentenceBreaker.Ignore)]       // ZWJ: Cf
    public void ClassOf_CodePoint_IsJdkClass(int codePoint, byte expected) =>
        Assert.Equal(expected, SentenceBreaker.ClassOf(codePoint));
}
