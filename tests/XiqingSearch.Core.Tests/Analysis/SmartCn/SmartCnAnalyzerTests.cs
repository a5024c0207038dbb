namespace XiqingSearch.Core.Tests.Analysis.SmartCn;

/// <summary>Edge-case families of spec §13: term, offsets and position increments, as the Java oracle gives them.</summary>
public sealed class SmartCnAnalyzerTests
{
    private static List<AnalyzedToken> Tokenize(string text) => AnalyzedToken.Analyze(TestDictionary.Analyzer(), text);

    private static void AssertTokens(string text, params AnalyzedToken[] expected) =>
        Assert.Equal(expected, Tokenize(text));

    [Fact]
    public void Tokenize_FullWidthDigits_FoldsToAscii() =>
        AssertTokens("２０２３年", new AnalyzedToken("2023", 0, 4, 1), new AnalyzedToken("年", 4, 5, 1));

    [Fact]
    public void Tokenize_MixedWidthLettersAndDigits_JoinRunsAndLowerCase() =>
        AssertTokens("ＡbＣ１2３", new AnalyzedToken("abc", 0, 3, 1), new AnalyzedToken("123", 3, 6, 1));

    [Fact]
    public void Tokenize_LatinWords_LowerCasedAndPorterStemmed() =>
        AssertTokens("running cities generalizations", new AnalyzedToken("run", 0, 7, 1), new AnalyzedToken("citi", 8, 14, 1), new AnalyzedToken("gener", 15, 30, 1));

    [Fact]
    public void Tokenize_LatinSentence_LowerCases() =>
        AssertTokens("Hello World", new AnalyzedToken("hello", 0, 5, 1), new AnalyzedToken("world", 6, 11, 1));

    [Fact]
    public void Tokenize_Decimal_SplitsWithPositionGap() =>
        AssertTokens("3.14", new AnalyzedToken("3", 0, 1, 1), new AnalyzedToken("14", 2, 4, 2));

    [Fact]
    public void Tokenize_Percentage_DropsPercentSign() =>
        AssertTokens("50%增长", new AnalyzedToken("50", 0, 2, 1), new AnalyzedToken("增长", 3, 5, 2));

    [Fact]
    public void Tokenize_PunctuationRun_LeavesGapBeforeFirstWord() =>
        AssertTokens("！！中国", new AnalyzedToken("中国", 2, 4, 3));

    [Fact]
    public void Tokenize_HanWords_UsesDictionary() =>
        AssertTokens("中国人民", new AnalyzedToken("中国", 0, 2, 1), new AnalyzedToken("人民", 2, 4, 1));

    [Theory]
    [InlineData("人 民")]
    [InlineData("人\u3000民")]
    public void Tokenize_HanWordWithSpaceInside_SpansTheSpace(string text) =>
        AssertTokens(text, new AnalyzedToken("人民", 0, 3, 1));

    [Fact]
    public void Tokenize_EmojiBetweenHan_IsOneTwoUnitToken() =>
        AssertTokens("我😀们", new AnalyzedToken("我", 0, 1, 1), new AnalyzedToken("😀", 1, 3, 1), new AnalyzedToken("们", 3, 4, 1));

    [Fact]
    public void Tokenize_Flag_BreaksIntoRegionalIndicators() =>
        AssertTokens("🇨🇳", new AnalyzedToken("🇨", 0, 2, 1), new AnalyzedToken("🇳", 2, 4, 1));

    [Fact]
    public void Tokenize_ZwjSequence_KeepsJoinerAsToken() =>
        AssertTokens("👨\u200d👩", new AnalyzedToken("👨", 0, 2, 1), new AnalyzedToken("\u200d", 2, 3, 1), new AnalyzedToken("👩", 3, 5, 1));

    [Fact]
    public void Tokenize_ExtensionBCharacter_IsOneToken() =>
        AssertTokens("𠀀中", new AnalyzedToken("𠀀", 0, 2, 1), new AnalyzedToken("中", 2, 3, 1));

    [Fact]
    public void Tokenize_IdeographicZero_IsRemovedAsDelimiter() =>
        AssertTokens("二〇二三年", new AnalyzedToken("二", 0, 1, 1), new AnalyzedToken("二", 2, 3, 2), new AnalyzedToken("三", 3, 4, 1), new AnalyzedToken("年", 4, 5, 1));

    [Fact]
    public void Tokenize_Nbsp_IsRemovedAsDelimiter() =>
        AssertTokens("中\u00A0国", new AnalyzedToken("中", 0, 1, 1), new AnalyzedToken("国", 2, 3, 2));

    [Fact]
    public void Tokenize_AccentedLetter_IsItsOwnToken() =>
        AssertTokens("café", new AnalyzedToken("caf", 0, 3, 1), new AnalyzedToken("é", 3, 4, 1));

    [Fact]
    public void Tokenize_VerticalTab_IsKeptSingleUnitToken() =>
        AssertTokens("a\u000Bb", new AnalyzedToken("a", 0, 1, 1), new AnalyzedToken("\u000B", 1, 2, 1), new AnalyzedToken("b", 2, 3, 1));

    [Fact]
    public void Tokenize_LineAndParagraphSeparators_AreRemoved() =>
        AssertTokens("前\u2028后\u2029再\u0085又", new AnalyzedToken("前", 0, 1, 1), new AnalyzedToken("后", 2, 3, 2), new AnalyzedToken("再", 4, 5, 2), new AnalyzedToken("又", 6, 7, 2));

    [Fact]
    public void Tokenize_NonCharacterFFFF_IsKeptToken() =>
        AssertTokens("A\uFFFFB", new AnalyzedToken("a", 0, 1, 1), new AnalyzedToken("\uFFFF", 1, 2, 1), new AnalyzedToken("b", 2, 3, 1));

    [Theory]
    [InlineData("")]
    [InlineData("\t\t")]
    [InlineData("   \u3000")]
    public void Tokenize_EmptyOrSpaces_GivesNoTokens(string text) => Assert.Empty(Tokenize(text));

    [Fact]
    public void Tokenize_SurrogatePairStraddlingUnit1024_SplitsIntoTwoUnits()
    {
        // §3: the chunker cuts hard at 1024 units when there is no safe end; the pair is cut in two.
        var tokens = Tokenize(new string('一', 1023) + "😀");
        Assert.Equal(new AnalyzedToken("一一", 1021, 1023, 1), tokens[^3]);
        Assert.Equal(new AnalyzedToken("\uD83D", 1023, 1024, 1), tokens[^2]);
        Assert.Equal(new AnalyzedToken("\uDE00", 1024, 1025, 1), tokens[^1]);
    }

    [Fact]
    public void Tokenize_SameAnalyzerTwice_GivesSameTokens()
    {
        var analyzer = TestDictionary.Analyzer();
        Assert.Equal(AnalyzedToken.Analyze(analyzer, "中国人民。Running!"), AnalyzedToken.Analyze(analyzer, "中国人民。Running!"));
    }
}
