using System.Text.Json;
using XiqingSearch.Core.Json;
using XiqingSearch.Core.Search.Analytics;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Cli.Tests.Commands;

/// <summary><c>xiqing compare</c> and <c>xiqing new-terms</c>: formats, the phrase list file, exit codes, errors.</summary>
public sealed class AnalyticsCommandsTests(BuiltIndexFixture fixture) : IClassFixture<BuiltIndexFixture>
{
    private static readonly string[] Phrases = ["天开西青园", "京津冀协同发展", "碳达峰"];

    private CompareResult CompareJson(params string[] args)
    {
        var run = fixture.Corpus.Run(["compare", .. args, "--format", "json"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonSerializer.Deserialize<CompareResult>(run.Stdout, XiqingJson.Options)!;
    }

    [Fact]
    public void Compare_Json_CellsEqualSearchCountsPerYear()
    {
        var result = CompareJson(Phrases);
        Assert.Equal(Phrases, result.Phrases);
        Assert.Equal(new[] { 2021, 2023, 2024, 2025 }, result.Years);
        var park = result.Rows[0];
        foreach (var cell in park.Cells)
        {
            var search = fixture.Corpus.Run("search", Phrases[0], "--year", cell.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), "--format", "json");
            var response = JsonSerializer.Deserialize<SearchResponse>(search.Stdout, XiqingJson.Options)!;
            Assert.Equal(response.TotalOccurrences, cell.Occurrences);
            Assert.Equal(response.TotalHits, cell.Paragraphs);
        }
        Assert.Equal(8, park.Total);
    }

    [Fact]
    public void Compare_Text_IsATableWithBarsFirstAndLastYearAndTheMultiYearRule()
    {
        var run = fixture.Corpus.Run(["compare", .. Phrases]);
        Assert.Equal(0, run.ExitCode);
        var lines = run.StdoutLines;
        Assert.Contains("count under their first year", lines[0], StringComparison.Ordinal);
        var header = lines.Single(l => l.StartsWith("phrase", StringComparison.Ordinal));
        foreach (var year in new[] { "2021", "2023", "2024", "2025", "total", "first", "last" })
        {
            Assert.Contains(year, header, StringComparison.Ordinal);
        }
        var park = lines.Single(l => l.StartsWith("天开西青园", StringComparison.Ordinal));
        Assert.Contains("█", park, StringComparison.Ordinal);
        Assert.EndsWith("2024  2025", park.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_CsvFromAFile_OneRowPerPhraseAndYear()
    {
        var list = Path.Combine(fixture.Corpus.Root, "phrases.txt");
        File.WriteAllText(list, "# phrases\n天开西青园\n\n京津冀协同发展\n碳达峰\n");
        var run = fixture.Corpus.Run("compare", "--file", list, "--format", "csv", "--multi-year", "own");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, run.StdoutBytes[..3]);
        var rows = run.Stdout.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("phrase,year,period,occurrences,paragraphs,documents,per10k,total,first_year,last_year", rows[0]);
        // Four years and the plan's own series per phrase.
        Assert.Equal(1 + 3 * 5, rows.Length);
        Assert.Contains("天开西青园,2024,,4,3,1,", rows[3], StringComparison.Ordinal);
        Assert.Contains(rows, r => r.StartsWith("京津冀协同发展,2021,2021–2025,", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_NoOccurrence_ExitsOne_AndABadPhraseExitsTwoWithThePhrase()
    {
        Assert.Equal(1, fixture.Corpus.Run("compare", "不存在的短语甲乙丙").ExitCode);
        var bad = fixture.Corpus.Run("compare", "西青", "\"天开");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("Phrase 2", bad.Stderr, StringComparison.Ordinal);
        var none = fixture.Corpus.Run("compare");
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("at least one phrase", none.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void NewTerms_JsonCsvAndText_AgreeAndCountAsSearch()
    {
        var json = fixture.Corpus.Run("new-terms", "--year", "2025", "--limit", "5", "--format", "json");
        Assert.Equal(0, json.ExitCode);
        var result = JsonSerializer.Deserialize<NewTermsResult>(json.Stdout, XiqingJson.Options)!;
        Assert.Equal(2025, result.Year);
        Assert.Equal(5, result.Appeared.Count);
        var top = result.Appeared[0];
        var search = JsonSerializer.Deserialize<SearchResponse>(fixture.Corpus.Run("search", top.Term, "--year", "2025", "--format", "json").Stdout, XiqingJson.Options)!;
        Assert.Equal(search.TotalOccurrences, top.Occurrences);

        var csv = fixture.Corpus.Run("new-terms", "--year", "2025", "--limit", "5", "--format", "csv");
        var rows = csv.Stdout.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("list,term,year,occurrences,paragraphs", rows[0]);
        Assert.Equal($"appeared,{top.Term},2025,{top.Occurrences},{top.Paragraphs}", rows[1]);
        Assert.Equal(1 + result.Appeared.Count + result.Disappeared.Count, rows.Length);

        var text = fixture.Corpus.Run("new-terms", "--year", "2025", "--limit", "5");
        Assert.Contains("New in 2025 (absent from 2021, 2023, 2024):", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("count under their first year", text.Stdout, StringComparison.Ordinal);
        Assert.Contains(top.Term, text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void NewTerms_UnknownYearOrOwnSeries_IsAUsageError()
    {
        var missing = fixture.Corpus.Run("new-terms", "--year", "2019");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("2021, 2023, 2024, 2025", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, fixture.Corpus.Run("new-terms", "--year", "2025", "--multi-year", "own").ExitCode);
        Assert.Equal(2, fixture.Corpus.Run("new-terms").ExitCode);
    }
}
