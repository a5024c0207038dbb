using System.Text;

namespace XiqingSearch.Cli.Tests.Commands;

/// <summary>
/// The command-line defects a first week of daily use found (round two): each test is named for its defect and
/// runs the real <c>xiqing</c> process.
/// </summary>
public sealed class DailyUseRoundTwoTests(BuiltIndexFixture fixture) : IClassFixture<BuiltIndexFixture>
{
    private static readonly UTF8Encoding s_strictUtf8 = new(false, true);

    // Defect 3: compare and new-terms had no --output although every format takes it.
    [Theory]
    [InlineData("compare", "text")]
    [InlineData("compare", "json")]
    [InlineData("compare", "csv")]
    [InlineData("new-terms", "text")]
    [InlineData("new-terms", "json")]
    [InlineData("new-terms", "csv")]
    public void Output_CompareAndNewTerms_WriteEveryFormatToTheFile(string verb, string format)
    {
        string[] args = verb == "compare" ? ["compare", "天开西青园", "高质量发展"] : ["new-terms", "--year", "2025", "--limit", "5"];
        var file = Path.Combine(fixture.Corpus.Root, $"{verb}-{format}.out");
        var toStdout = fixture.Corpus.Run([.. args, "--format", format]);
        var toFile = fixture.Corpus.Run([.. args, "--format", format, "--output", file]);

        Assert.True(toFile.ExitCode == 0, toFile.ToString());
        Assert.Empty(toFile.StdoutBytes);
        Assert.Equal(Untimed(toStdout.Stdout), Untimed(s_strictUtf8.GetString(File.ReadAllBytes(file))));
        Assert.NotEmpty(toStdout.StdoutBytes);
    }

    // "tookMs" is measured per run.
    private static string Untimed(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"""tookMs"": [0-9.]+", "#");

    // Defect 3: an unknown flag was taken for a phrase ("Phrase 2 (--yaer): '-' cannot stand here").
    [Theory]
    [InlineData("compare", "--yaer", "--year")]
    [InlineData("compare", "--outptu", "--output")]
    [InlineData("new-terms", "--limt", "--limit")]
    public void UnknownFlag_CompareAndNewTerms_IsAnErrorNamingTheFlagWithDidYouMean(string verb, string flag, string meant)
    {
        string[] args = verb == "compare" ? ["compare", "天开西青园", flag, "2024"] : ["new-terms", "--year", "2025", flag, "5"];
        var run = fixture.Corpus.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"unknown option '{flag}'; did you mean '{meant}'?", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Phrase", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.StdoutBytes);
    }

    // Defect 12: `xiqing serach` printed three errors and no did-you-mean.
    [Fact]
    public void MistypedVerb_Serach_PrintsOneErrorWithDidYouMeanSearch()
    {
        var run = fixture.Corpus.Run("serach", "天开西青园");

        Assert.Equal(2, run.ExitCode);
        var errors = run.Stderr.Split('\n').Where(l => l.StartsWith("xiqing: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["xiqing: unknown command 'serach'; did you mean 'search'?"], errors);
    }

    // Defect 12: `analyze seeds/` said "no such file" for a folder.
    [Fact]
    public void Analyze_Folder_SaysItIsAFolderAndWhatToDo()
    {
        var run = fixture.Corpus.Run("analyze", "seeds/");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is a folder", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("xiqing analyze seeds/", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("no such file", run.Stderr, StringComparison.Ordinal);
    }

    // Defect 12: `--index /typo/path` for a reading verb silently created that tree (and built an index there).
    [Theory]
    [InlineData("search", "天开西青园")]
    [InlineData("stats")]
    [InlineData("compare", "天开西青园")]
    public void IndexFlag_TypoPathForAReadingVerb_IsAClearErrorAndCreatesNothing(params string[] args)
    {
        var typo = Path.Combine(fixture.Corpus.Root, "typo", "path");
        var run = fixture.Corpus.Run([.. args, "--index", typo]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no index", run.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(typo, run.Stderr, StringComparison.Ordinal);
        Assert.Contains("xiqing index ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--index " + typo, run.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(fixture.Corpus.Root, "typo")));
    }

    // Defect 12: `index` listed the five-year plan under 2021 while `stats` says 2021–2025.
    [Fact]
    public void Index_FiveYearPlan_IsListedAs2021To2025AsStatsDoes()
    {
        var stats = fixture.Corpus.Run("stats");
        var planInStats = stats.StdoutLines.Single(l => l.Contains("003_7844a359d923be1e", StringComparison.Ordinal));
        Assert.Contains("2021–2025", planInStats, StringComparison.Ordinal);

        var planInIndex = fixture.BuildRun.StdoutLines.Single(l => l.Contains("003_7844a359d923be1e", StringComparison.Ordinal));
        Assert.Contains("2021–2025", planInIndex, StringComparison.Ordinal);
    }

    // Defect 12: the CSV's left/right held ~30 characters, not the paragraph.
    [Fact]
    public void Csv_LeftAndRight_HoldTheParagraphBeforeAndAfterTheMatch()
    {
        var json = fixture.Corpus.Run("search", "天开西青园", "--all", "--format", "json");
        var response = System.Text.Json.JsonSerializer.Deserialize<XiqingSearch.Core.Search.Model.SearchResponse>(json.Stdout,
            XiqingSearch.Core.Json.XiqingJson.Options)!;
        var csv = fixture.Corpus.Run("search", "天开西青园", "--format", "csv");

        var rows = csv.Stdout.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var hit = response.Hits.Single(h => h.Id == "000_313d8db390bab93c#50");
        var span = hit.Highlights[0];
        var row = rows.First(r => r.EndsWith(",000_313d8db390bab93c#50,,,,,", StringComparison.Ordinal) || r.Contains(",000_313d8db390bab93c#50,", StringComparison.Ordinal));
        Assert.Contains("," + hit.Text[..span.Start] + ",天开西青园," + hit.Text[span.End..] + ",", row, StringComparison.Ordinal);
        Assert.True(hit.Text[span.End..].Length > 100, "the paragraph is longer than the old window");
    }

    // Defect 12: 碳達峯 found nothing where 碳达峰 finds 3 (峯 is a variant form, not a traditional one).
    [Fact]
    public void Search_VariantForm碳達峯_FindsWhat碳达峰Finds()
    {
        var simplified = fixture.Corpus.Run("search", "碳达峰", "--format", "csv");
        var variant = fixture.Corpus.Run("search", "碳達峯", "--format", "csv");

        Assert.Equal(0, variant.ExitCode);
        Assert.True(simplified.StdoutLines.Length > 1, simplified.ToString());
        Assert.Equal(simplified.StdoutLines, variant.StdoutLines);
    }
}
