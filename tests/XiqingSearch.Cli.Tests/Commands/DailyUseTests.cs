using System.Text.Json;
using XiqingSearch.Core.Json;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Cli.Tests.Commands;

/// <summary><c>--chapter</c> as the query's <c>chapter:</c>, <c>--sort oldest</c>, headers, <c>show --all</c> and <c>show --query</c>.</summary>
public sealed class DailyUseTests(BuiltIndexFixture fixture) : IClassFixture<BuiltIndexFixture>
{
    private SearchResponse Json(params string[] args)
    {
        var run = fixture.Corpus.Run(["search", .. args, "--format", "json", "--all"]);
        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        return JsonSerializer.Deserialize<SearchResponse>(run.Stdout, XiqingJson.Options)!;
    }

    [Theory]
    [InlineData("京津冀")]
    [InlineData("（三）京津冀协同发展走深走实")]
    [InlineData("京津冀协同发展")]
    public void ChapterOption_MeansTheChapterField(string heading)
    {
        var option = Json("发展", "--chapter", heading);
        var field = Json($"发展 chapter:\"{heading}\"");

        Assert.True(option.TotalHits > 0, heading);
        // The same paragraphs (the order may differ: chapter: in the query also scores, the option only filters).
        Assert.Equal(field.Hits.Select(h => h.Id).Order(), option.Hits.Select(h => h.Id).Order());
        Assert.All(option.Hits, h => Assert.Contains(h.Chapter, c => c.Contains(heading.Replace(" ", ""), StringComparison.Ordinal)));
    }

    [Fact]
    public void ChapterOption_Repeated_IsAnOr()
    {
        var a = Json("发展", "--chapter", "京津冀");
        var b = Json("发展", "--chapter", "乡村振兴");
        var both = Json("发展", "--chapter", "京津冀", "--chapter", "乡村振兴");

        Assert.Equal(a.Hits.Select(h => h.Id).Union(b.Hits.Select(h => h.Id)).Order(), both.Hits.Select(h => h.Id).Order());
    }

    [Fact]
    public void SortOldest_PutsTheOldestYearFirst()
    {
        var hits = Json("京津冀", "--sort", "oldest").Hits;

        Assert.Equal(hits.Select(h => h.Year).Order(), hits.Select(h => h.Year));
        Assert.True(hits[0].Year < hits[^1].Year);
    }

    [Fact]
    public void FilterOnlyQuery_HeaderCountsParagraphs_AndPastTheEndSaysSo()
    {
        var filterOnly = fixture.Corpus.Run("search", "year:2024", "--limit", "1");
        var pastEnd = fixture.Corpus.Run("search", "天开西青园", "--offset", "50");

        Assert.Equal(0, filterOnly.ExitCode);
        Assert.Matches(@"^year:2024: \d+ paragraphs of 1 document ", filterOnly.StdoutLines[0]);
        Assert.DoesNotContain("0 occurrences in", filterOnly.StdoutLines[0]);
        Assert.Contains(pastEnd.StdoutLines, l => l.StartsWith("--offset 50 is past the last hit (5 in all)", StringComparison.Ordinal));
    }

    [Fact]
    public void YearChart_MarksTheYearsKept()
    {
        var run = fixture.Corpus.Run("search", "天开西青园", "--year", "2024");

        Assert.Contains(run.StdoutLines, l => l.StartsWith("  2024 ", StringComparison.Ordinal) && l.EndsWith("◀ --year", StringComparison.Ordinal));
        Assert.Contains(run.StdoutLines, l => l.StartsWith("  2025 ", StringComparison.Ordinal) && l.EndsWith("(filtered out)", StringComparison.Ordinal));
    }

    [Fact]
    public void ShowAll_PrintsEveryParagraphWithTheQueryMarked()
    {
        var search = Json("天开西青园", "--doc", "004_e4f3d8be122b771a");
        var run = fixture.Corpus.Run("show", "004_e4f3d8be122b771a", "--all", "--query", "天开西青园");

        Assert.Equal(0, run.ExitCode);
        var paragraphs = run.StdoutLines.Where(l => l.StartsWith("  #", StringComparison.Ordinal) || l.StartsWith("> #", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(1, paragraphs.Count).Select(n => "#" + n), paragraphs.Select(l => l[2..].Split(' ')[0]));
        Assert.Equal(search.TotalOccurrences, run.Stdout.Split("[[天开西青园]]").Length - 1);
        Assert.Equal(search.Hits.OrderBy(h => h.Paragraph).Select(h => "#" + h.Paragraph), paragraphs.Where(l => l.StartsWith('>')).Select(l => l[2..].Split(' ')[0]));
    }

    [Fact]
    public void MistypedOption_IsOneErrorWithTheOptionMeant()
    {
        var run = fixture.Corpus.Run("search", "天开西青园", "--yaer", "2024");

        Assert.Equal(2, run.ExitCode);
        var errors = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("xiqing: ", StringComparison.Ordinal)).ToList();
        Assert.Single(errors);
        Assert.Contains("did you mean '--year'?", errors[0]);
    }

    [Fact]
    public void ServeHelp_ListsCorsAndAdminKey()
    {
        var run = fixture.Corpus.Run("serve", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--embed-origin", run.Stdout);
        Assert.Contains("--cors-origin", run.Stdout);
        Assert.Contains("XIQING_EMBED_ORIGINS", run.Stdout);
        Assert.Contains("--admin-key", run.Stdout);
        Assert.Contains("XIQING_ADMIN_KEY", run.Stdout);
    }

    [Fact]
    public void Show_BadNumber_GivesTheValidRange()
    {
        var run = fixture.Corpus.Run("show", "000_313d8db390bab93c#500");

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"paragraphs are 1–\d+", run.Stderr);
    }
}
