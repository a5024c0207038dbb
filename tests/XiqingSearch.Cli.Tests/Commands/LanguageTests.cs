using XiqingSearch.Cli.Localization;

namespace XiqingSearch.Cli.Tests.Commands;

/// <summary>
/// Defect 9: the CLI spoke English to a Chinese audience. Its messages, headings and hints follow --lang, else
/// XIQING_LANG, else LC_ALL / LC_MESSAGES / LANG; CSV column names stay stable unless --csv-header zh.
/// </summary>
public sealed class LanguageTests(BuiltIndexFixture fixture) : IClassFixture<BuiltIndexFixture>
{
    [Fact]
    public void Search_ChineseLocale_HeadingsAndHintsAreChinese()
    {
        var run = CliRunner.Run(fixture.Corpus.Root, ["search", "天开西青园", "--limit", "2"],
            new Dictionary<string, string?> { ["LANG"] = "zh_CN.UTF-8" });

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("篇文档", run.StdoutLines[0], StringComparison.Ordinal);
        Assert.Contains(run.StdoutLines, l => l.StartsWith("显示第 1–2 条", StringComparison.Ordinal));
        Assert.DoesNotContain("occurrence", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void UsageError_ChineseLocale_IsChineseAndLangFlagOverridesIt()
    {
        var chinese = new Dictionary<string, string?> { ["LC_ALL"] = "zh_CN.UTF-8", ["LANG"] = "en_US.UTF-8" };
        var zh = CliRunner.Run(fixture.Corpus.Root, ["serach", "天开"], chinese);
        var en = CliRunner.Run(fixture.Corpus.Root, ["serach", "天开", "--lang", "en"], chinese);
        var env = CliRunner.Run(fixture.Corpus.Root, ["serach", "天开"], new Dictionary<string, string?> { ["LANG"] = "zh_CN.UTF-8", ["XIQING_LANG"] = "en" });

        Assert.Contains("未知命令“serach”；您是不是要用“search”？", zh.Stderr, StringComparison.Ordinal);
        Assert.Contains("unknown command 'serach'; did you mean 'search'?", en.Stderr, StringComparison.Ordinal);
        Assert.Contains("unknown command 'serach'", env.Stderr, StringComparison.Ordinal);
        Assert.All(new[] { zh, en, env }, r => Assert.Equal(2, r.ExitCode));
    }

    [Fact]
    public void CompareAndNewTerms_LangZh_HeadingsAreChinese()
    {
        var compare = fixture.Corpus.Run("compare", "天开西青园", "--lang", "zh");
        var newTerms = fixture.Corpus.Run("new-terms", "--year", "2025", "--limit", "3", "--lang", "zh");

        Assert.Contains(compare.StdoutLines, l => l.StartsWith("短语", StringComparison.Ordinal) && l.Contains("合计", StringComparison.Ordinal));
        Assert.StartsWith("2025 年新出现", newTerms.StdoutLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_ChineseLocale_KeepsStableColumnNamesUnlessCsvHeaderZh()
    {
        var chinese = new Dictionary<string, string?> { ["LANG"] = "zh_CN.UTF-8" };
        var stable = CliRunner.Run(fixture.Corpus.Root, ["search", "天开西青园", "--format", "csv"], chinese);
        var people = CliRunner.Run(fixture.Corpus.Root, ["search", "天开西青园", "--format", "csv", "--csv-header", "zh"], chinese);

        Assert.StartsWith("\uFEFFdoc,year,title,chapter,topic,paragraph,left,match,right,", stable.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("\uFEFF文档,年份,标题,章节,主题,段落,前文,匹配,后文,", people.Stdout, StringComparison.Ordinal);
        Assert.Equal(stable.StdoutLines.Skip(1), people.StdoutLines.Skip(1));
    }

    [Theory]
    [InlineData(new string[0], null, null, null, "LANG=zh_CN.UTF-8", "zh")]
    [InlineData(new string[0], null, "en_US.UTF-8", null, "LANG=zh_CN.UTF-8", "en")]
    [InlineData(new string[0], null, null, "zh_TW.Big5", "LANG=en_US", "zh")]
    [InlineData(new[] { "--lang", "en" }, "zh", "zh_CN", null, "", "en")]
    [InlineData(new[] { "--lang=zh" }, "en", null, null, "", "zh")]
    [InlineData(new string[0], "zh", "en_US", null, "", "zh")]
    [InlineData(new string[0], null, null, null, "", "en")]
    public void Resolve_FlagThenXiqingLangThenPosixLocale_PicksTheLanguage(string[] args, string? xiqingLang, string? lcAll,
        string? lcMessages, string lang, string expected)
    {
        var environment = new Dictionary<string, string?>
        {
            ["XIQING_LANG"] = xiqingLang,
            ["LC_ALL"] = lcAll,
            ["LC_MESSAGES"] = lcMessages,
            ["LANG"] = lang.Length > 0 ? lang["LANG=".Length..] : null,
        };
        Assert.Equal(expected, CliLanguage.Resolve(args, n => environment.GetValueOrDefault(n), uiLanguage: null));
    }

    [Fact]
    public void Resolve_NoLocaleVariables_UsesTheUiLanguage()
    {
        Assert.Equal("zh", CliLanguage.Resolve([], _ => null, () => "zh-CN"));
        Assert.Equal("en", CliLanguage.Resolve([], _ => null, () => "en-US"));
    }

    [Fact]
    public void Table_EveryEntry_HasBothLanguagesWithTheSamePlaceholders()
    {
        foreach (var (key, (en, zh)) in CliText.Entries)
        {
            Assert.False(string.IsNullOrWhiteSpace(en), key);
            Assert.False(string.IsNullOrWhiteSpace(zh), key);
            Assert.True(System.Text.RegularExpressions.Regex.IsMatch(zh, @"\p{IsCJKUnifiedIdeographs}") || zh.Trim().Length < 3, key);
        }
    }
}
