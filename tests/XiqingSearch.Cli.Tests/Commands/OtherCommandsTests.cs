using System.Text;
using System.Text.Json;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Json;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Cli.Tests.Commands;

/// <summary><c>index</c>, <c>show</c>, <c>stats</c>, <c>analyze</c> and <c>--help</c> over one built index.</summary>
public sealed class OtherCommandsTests(BuiltIndexFixture fixture) : IClassFixture<BuiltIndexFixture>
{
    private CliRun Run(params string[] args) => fixture.Corpus.Run(args);

    [Fact]
    public void Index_FirstBuild_ShowsProgressOnStderrAndSummaryTable()
    {
        var build = fixture.BuildRun;

        Assert.Contains("5/5 files", build.Stderr);
        Assert.Contains("paragraphs", build.Stderr);
        Assert.Contains("MB/s", build.Stderr);
        foreach (var seed in Directory.GetFiles(fixture.Corpus.Seeds, "*.txt"))
        {
            Assert.Contains(Path.GetFileNameWithoutExtension(seed), build.Stdout);
        }
        Assert.Contains("5 documents", build.Stdout);
    }

    [Fact]
    public void Index_AlreadyCurrent_SaysSoAndExitsZero()
    {
        var run = Run("index");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("current", run.Stdout);
    }

    [Fact]
    public void Show_HitId_PrintsParagraphChapterPathAndLineRange()
    {
        var search = JsonSerializer.Deserialize<SearchResponse>(Run("search", "天开西青园", "--format", "json").Stdout, XiqingJson.Options)!;
        var hit = search.Hits[0];

        var run = Run("show", hit.Id, "--context", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(ChapterPath.Join(hit.Chapter), run.Stdout);
        Assert.Contains($"lines {hit.FirstLine}–{hit.LastLine}", run.Stdout);
        Assert.Contains("> #" + hit.Paragraph + " " + hit.Text, run.Stdout);
        Assert.Contains("#" + (hit.Paragraph - 1) + " ", run.Stdout);
        var why = XiqingSearch.Core.Ingestion.Topics.TopicAssigner.Default.Assign(hit.Chapter, hit.Text, hit.Kind == "heading");
        Assert.Equal(hit.Topic, why.Topic);
        Assert.Contains($"{hit.Topic}  ({string.Join("、", why.Keywords)})", run.Stdout);
    }

    [Theory]
    [InlineData("no-hash-here")]
    [InlineData("000_313d8db390bab93c#x")]
    [InlineData("000_313d8db390bab93c#0")]
    [InlineData("nosuchdoc#1")]
    public void Show_BadId_ExitsTwoWithProblem(string id)
    {
        var run = Run("show", id);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("xiqing: ", run.Stderr);
        Assert.Contains("[request.", run.Stderr);
    }

    [Fact]
    public void Stats_Text_ListsFiveDocuments()
    {
        var run = Run("stats");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("5 documents", run.Stdout);
        foreach (var seed in Directory.GetFiles(fixture.Corpus.Seeds, "*.txt"))
        {
            Assert.Contains(Path.GetFileNameWithoutExtension(seed), run.Stdout);
        }
    }

    [Fact]
    public void Stats_Json_HasFiveDocumentsAndYears()
    {
        var run = Run("stats", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var stats = JsonSerializer.Deserialize<IndexStats>(run.Stdout, XiqingJson.Options)!;
        Assert.Equal(5, stats.Documents.Count);
        Assert.Equal(stats.Paragraphs, stats.Documents.Sum(d => d.Paragraphs));
        Assert.NotEmpty(stats.Years);
    }

    [Fact]
    public void Analyze_SmallFile_PrintsTsvHeaderAndRowsAsUtf8WithoutBom()
    {
        var file = Path.Combine(fixture.Corpus.Root, "analyze.txt");
        File.WriteAllText(file, "天开西青园建设\n\n西青区2024年\n", new UTF8Encoding(false));

        var run = Run("analyze", file);

        Assert.Equal(0, run.ExitCode);
        Assert.NotEqual(0xEF, run.StdoutBytes[0]);
        Assert.DoesNotContain("\r", run.Stdout);
        var lines = run.StdoutLines;
        Assert.Equal("line\tterm\tstart\tend\tposition", lines[0]);
        Assert.Contains("1\t西青\t2\t4\t2", lines);
        Assert.Contains("3\t西青区\t0\t3\t0", lines);
        Assert.All(lines.Skip(1), line => Assert.Equal(5, line.Split('\t').Length));
        Assert.DoesNotContain(lines, line => line.StartsWith("2\t", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_Stdin_ReadsDash()
    {
        var run = CliRunner.Run(fixture.Corpus.Root, ["analyze", "-", "--index", fixture.Corpus.Index], stdin: "西青区\n");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("line\tterm\tstart\tend\tposition\n1\t西青区\t0\t3\t0\n", run.Stdout);
    }

    [Fact]
    public void Analyze_MissingSmartCnJar_SaysHowToFixAndPrintsNothingElse()
    {
        var run = CliRunner.Run(fixture.Corpus.Root, ["analyze", "-", "--index", fixture.Corpus.Index],
            new Dictionary<string, string?> { ["XIQING_SMARTCN_JAR"] = "/nonexistent/lucene-analyzers-smartcn.jar" }, stdin: "西青区\n");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Contains("/nonexistent/lucene-analyzers-smartcn.jar", run.Stderr);
        Assert.Contains("unset it to use the dictionaries of the Lucene.Net.Analysis.SmartCn package", run.Stderr);
        Assert.Contains("smartCnJar", run.Stderr);
        Assert.DoesNotContain("apt-get", run.Stderr);
        Assert.Contains("[smartcn.jar-missing]", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public void Analyze_UnknownAnalyzer_ExitsTwo()
    {
        var run = Run("analyze", "-", "--analyzer", "whitespace");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown analyzer", run.Stderr);
    }

    [Theory]
    [InlineData("search")]
    [InlineData("index")]
    [InlineData("show")]
    [InlineData("stats")]
    [InlineData("analyze")]
    [InlineData("serve")]
    public void Help_EveryVerb_HasUsageAndExamples(string verb)
    {
        var run = Run(verb, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Stdout);
        Assert.Contains("Examples:", run.Stdout);
        Assert.Contains("xiqing " + verb, run.Stdout);
    }
}
