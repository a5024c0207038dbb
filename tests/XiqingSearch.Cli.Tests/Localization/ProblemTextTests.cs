using System.Reflection;
using XiqingSearch.Cli.Localization;
using XiqingSearch.Cli.Tests.Commands;
using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Analytics;

namespace XiqingSearch.Cli.Tests.Localization;

/// <summary>The CLI's language is process-wide: the in-process tests that set it run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LanguageStateCollection
{
    public const string Name = "CLI language state";
}

/// <summary>
/// Defect 9: Core's problems reached a Chinese audience in English. The CLI words each again from its code and
/// arguments; Core's English stays for HTTP and for the English CLI.
/// </summary>
[Collection(LanguageStateCollection.Name)]
public sealed class ProblemTextTests : IDisposable
{
    public ProblemTextTests() => CliLanguage.Set(chinese: true);

    public void Dispose() => CliLanguage.Set(chinese: false);

    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(ProblemCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
        {
            data.Add((string)field.GetRawConstantValue()!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Message_EveryProblemCode_HasAChineseText(string code)
    {
        Assert.Contains(code, ProblemText.ChineseCodes);
        var text = ProblemText.Message(new Problem(code, "An English message."));
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", text);
    }

    [Fact]
    public void Message_BadParameterWithArguments_IsWordedFromThemAlone()
    {
        var problem = new Problem(ProblemCodes.BadParameter, "The page size must be between 1 and 100, not 0.")
            .With(("reason", "out-of-range"), ("value", "0"), ("min", "1"), ("max", "100")) with
        { Parameter = RequestParameter.Limit };

        Assert.Equal("每页条数必须在 1 到 100 之间，不能是 0。", ProblemText.Message(problem));
    }

    [Fact]
    public void Message_ComparedPhrase_NamesThePhraseInFront()
    {
        var problem = new Problem(ProblemCodes.QuerySyntax, "Phrase 2 (天开 AND): The query ends too early.")
            .With(("reason", "ends-early"), ("phrase", "天开 AND"), ("phraseNumber", "2"));

        Assert.Equal("第 2 个短语（天开 AND）：查询结束得太早：最后一个运算符后面缺少内容。", ProblemText.Message(problem));
    }

    [Fact]
    public void Message_DetailNoArgumentHolds_IsKeptAfterTheChineseSentence()
    {
        var problem = new Problem(ProblemCodes.IndexWriteFailed, "Writing the index in /x failed: No space left on device.", "/x");

        var text = ProblemText.Message(problem);

        Assert.StartsWith("写入索引失败", text, StringComparison.Ordinal);
        Assert.Contains("No space left on device", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_English_IsCoresOwnWording()
    {
        CliLanguage.Set(chinese: false);
        var problem = new Problem(ProblemCodes.IndexBusy, "Another build is writing the index in /x; try again when it has finished.", "/x");

        Assert.Equal(problem.Message, ProblemText.Message(problem));
    }

    [Fact]
    public void Note_LowerCaseOperator_IsChinese()
    {
        var note = "'and' was searched as a word: operators are upper case (AND); type AND to combine phrases, or put \"and\" in quotes to keep the word.";

        Assert.Equal("“and”被当作普通词语搜索：运算符须大写（AND）；要组合短语请输入 AND，要保留这个词请写成 \"and\"。", ProblemText.Note(note));
    }

    [Theory]
    [InlineData(MultiYearMode.FirstYear)]
    [InlineData(MultiYearMode.Own)]
    [InlineData(MultiYearMode.Exclude)]
    public void MultiYearNote_EveryMode_IsChinese(MultiYearMode mode)
    {
        Assert.Matches(@"^\P{IsBasicLatin}*五年规划\P{IsBasicLatin}*$", ProblemText.MultiYearNote("Multi-year documents …", mode));
    }
}

/// <summary>Defect 9 through the real process: query, parameter and lookup errors and notes under --lang zh.</summary>
public sealed class ProblemTextProcessTests(BuiltIndexFixture fixture) : IClassFixture<BuiltIndexFixture>
{
    [Theory]
    [InlineData("\"天开", "query.unclosed-quote", "这个引号没有闭合", "This quote is never closed")]
    [InlineData("天开 AND", "query.syntax", "查询结束得太早", "The query ends too early")]
    [InlineData("(天开", "query.unbalanced-parenthesis", "没有闭合", "is never closed")]
    [InlineData("foo:bar", "query.unknown-field", "未知字段“foo”", "Unknown field 'foo'")]
    public void Search_BadQueryLangZh_ChineseMessageWithTheCaret(string query, string code, string chinese, string english)
    {
        var zh = fixture.Corpus.Run("search", query, "--lang", "zh");
        var en = fixture.Corpus.Run("search", query, "--lang", "en");

        Assert.Equal(2, zh.ExitCode);
        Assert.Contains($"[{code}]", zh.Stderr, StringComparison.Ordinal);
        Assert.Contains(chinese, zh.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(english, zh.Stderr, StringComparison.Ordinal);
        Assert.Contains("  " + query, zh.Stderr, StringComparison.Ordinal);
        Assert.Contains("^", zh.Stderr, StringComparison.Ordinal);
        Assert.Contains(english, en.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_BadParameterLangZh_NamesTheOptionInChinese()
    {
        var run = fixture.Corpus.Run("search", "天开", "--year", "20x", "--lang", "zh");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("xiqing: --year: 年份是四位数字", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("不是“20x”", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_NoSuchDocumentLangZh_IsChinese()
    {
        var run = fixture.Corpus.Run("show", "nosuch#3", "--lang", "zh");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("索引中没有文档 nosuch。", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("[request.not-found]", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_LowerCaseOperatorLangZh_NoteIsChinese()
    {
        var run = fixture.Corpus.Run("search", "天开 and 西青", "--lang", "zh");

        Assert.Contains(run.StdoutLines, l => l.Contains("注意：“and”被当作普通词语搜索", StringComparison.Ordinal));
        Assert.DoesNotContain("was searched as a word", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_BadSecondPhraseLangZh_NamesThePhraseInChinese()
    {
        var run = fixture.Corpus.Run("compare", "天开西青园", "天开 AND", "--lang", "zh");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("第 2 个短语（天开 AND）：查询结束得太早", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Stats_LangZh_HeadingsColumnsAndSummaryInChinese()
    {
        var zh = fixture.Corpus.Run("stats", "--lang", "zh");
        var en = fixture.Corpus.Run("stats", "--lang", "en");

        Assert.Equal(0, zh.ExitCode);
        foreach (var chinese in new[] { "篇文档", "个段落", "各年段落数", "主题", "标题" })
        {
            Assert.Contains(chinese, zh.Stdout, StringComparison.Ordinal);
        }
        foreach (var english in new[] { "Paragraphs per year", "Topics", " documents, ", "paragraphs" })
        {
            Assert.DoesNotContain(english, zh.Stdout, StringComparison.Ordinal);
            Assert.Contains(english, en.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Index_LangZh_SummaryAndTableInChinese()
    {
        // The fixture's index is current: the summary still lists every document and the totals.
        var zh = fixture.Corpus.Run("index", "--lang", "zh");
        var en = fixture.Corpus.Run("index", "--lang", "en");

        Assert.Equal(0, zh.ExitCode);
        Assert.Contains("中的索引已是最新", zh.Stdout + zh.Stderr, StringComparison.Ordinal);
        Assert.Contains("篇文档", zh.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(" documents, ", zh.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("is current", zh.Stdout + zh.Stderr, StringComparison.Ordinal);
        Assert.Contains(" documents, ", en.Stdout, StringComparison.Ordinal);
        Assert.Contains("is current", en.Stdout + en.Stderr, StringComparison.Ordinal);
    }
}
