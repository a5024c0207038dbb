using System.Globalization;
using System.Text.Json;
using CsvHelper;
using XiqingSearch.Cli.Rendering;
using XiqingSearch.Core.Json;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Cli.Tests.Commands;

/// <summary><c>xiqing search</c> over one index built per class: formats, filters, exit codes, query errors.</summary>
public sealed class SearchCommandTests(BuiltIndexFixture fixture) : IClassFixture<BuiltIndexFixture>
{
    private const string Query = "天开西青园";

    private CliRun Search(params string[] args) => fixture.Corpus.Run(["search", .. args]);

    private SearchResponse SearchJson(params string[] args)
    {
        var run = Search([.. args, "--format", "json"]);
        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        return JsonSerializer.Deserialize<SearchResponse>(run.Stdout, XiqingJson.Options)
            ?? throw new InvalidOperationException("null JSON");
    }

    [Fact]
    public void Json_KnownPhrase_ParsesToResponseWithHits()
    {
        var run = Search(Query, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var response = JsonSerializer.Deserialize<SearchResponse>(run.Stdout, XiqingJson.Options)!;
        Assert.Equal(Query, response.Query);
        Assert.True(response.TotalHits > 0);
        Assert.True(response.TotalOccurrences >= response.TotalHits);
        Assert.All(response.Hits, hit => Assert.All(hit.Highlights, span => Assert.Equal(Query, hit.Text[span.Start..span.End])));
    }

    [Fact]
    public void Csv_KnownPhrase_HasBomHeaderAndOneRowPerOccurrence()
    {
        var expected = SearchJson(Query);
        var run = Search(Query, "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, run.StdoutBytes[..3]);
        // The BOM is for Excel; the reader gets the bytes after it.
        using var stream = new MemoryStream(run.StdoutBytes, 3, run.StdoutBytes.Length - 3);
        using var csv = CsvReader.Create(stream, new CsvReaderOptions { HasHeader = true }, false);
        foreach (var column in new[] { "doc", "year", "title", "chapter", "topic", "paragraph", "left", "match", "right" })
        {
            Assert.Contains(column, csv.Headers);
        }
        var rows = 0;
        while (csv.Read())
        {
            rows++;
            Assert.Equal(Query, csv.GetString("match"));
            Assert.Contains(csv.GetString("doc"), expected.Facets.Doc.Select(d => d.Value));
            Assert.Contains(" > ", csv.GetString("chapter"));
            Assert.Contains(Query, csv.GetString("left") + csv.GetString("match") + csv.GetString("right"));
        }
        Assert.Equal(expected.TotalOccurrences, rows);
    }

    [Fact]
    public void Csv_FieldWithCommaAndQuote_IsQuotedPerRfc4180()
    {
        Assert.Equal("\"a,\"\"b\"\"\"", CsvRenderer.Quote("a,\"b\""));
        Assert.Equal("plain", CsvRenderer.Quote("plain"));
        Assert.Equal("\"two\nlines\"", CsvRenderer.Quote("two\nlines"));
    }

    [Fact]
    public void Kwic_KnownPhrase_OneLinePerOccurrenceWithMatchesInOneColumn()
    {
        var expected = SearchJson(Query);
        var run = Search(Query, "--format", "kwic");

        Assert.Equal(0, run.ExitCode);
        var lines = run.StdoutLines;
        Assert.Equal(expected.TotalOccurrences, lines.Length);
        // A line may hold the phrase twice (in its context); the aligned column is the one every line shares.
        var columns = lines.Select(MatchColumns).ToList();
        var shared = columns.Aggregate((a, b) => [.. a.Intersect(b)]);
        Assert.Single(shared);
    }

    private static HashSet<int> MatchColumns(string line)
    {
        var found = new HashSet<int>();
        for (var at = line.IndexOf(Query, StringComparison.Ordinal); at >= 0; at = line.IndexOf(Query, at + 1, StringComparison.Ordinal))
        {
            found.Add(DisplayWidth.Of(line.AsSpan(0, at)));
        }
        return found;
    }

    [Fact]
    public void Text_Redirected_HasTitleYearAndNoAnsiEscapes()
    {
        var expected = SearchJson(Query);
        var run = Search(Query);

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Stdout);
        var first = expected.Hits[0];
        Assert.Contains(first.Title, run.Stdout);
        Assert.Contains(first.Year!.Value.ToString(CultureInfo.InvariantCulture) + " · " + first.Title, run.Stdout);
        Assert.Contains(first.Id, run.Stdout);
        Assert.StartsWith(Query + ": ", run.Stdout);
    }

    [Fact]
    public void Text_NoColorSet_HasNoAnsiEscapes()
    {
        var run = CliRunner.Run(fixture.Corpus.Root, ["search", Query], new Dictionary<string, string?> { ["NO_COLOR"] = "1" });

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Stdout);
    }

    [Fact]
    public void Search_YearFilter_MatchesYearFacet()
    {
        var all = SearchJson(Query, "--all");
        var year = all.Facets.Year.First(y => y.Count > 0);

        var filtered = SearchJson(Query, "--all", "--year", year.Value);

        Assert.Equal(year.Count, filtered.TotalHits);
        Assert.Equal(year.Occurrences, filtered.TotalOccurrences);
        Assert.All(filtered.Hits, hit => Assert.Equal(year.Value, hit.Year!.Value.ToString(CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Search_YearRangeAndRepeatedYears_AreOred()
    {
        var all = SearchJson(Query, "--all");
        var years = all.Facets.Year.Where(y => y.Count > 0).Select(y => int.Parse(y.Value, CultureInfo.InvariantCulture)).Order().ToList();

        var range = SearchJson(Query, "--all", "--year", $"{years[0]}..{years[^1]}");
        string[] repeatedArgs = ["--all", .. years.SelectMany(y => new[] { "--year", y.ToString(CultureInfo.InvariantCulture) })];
        var repeated = SearchJson([Query, .. repeatedArgs]);

        Assert.Equal(all.TotalHits, range.TotalHits);
        Assert.Equal(all.TotalHits, repeated.TotalHits);
    }

    [Fact]
    public void Search_DocFilter_MatchesDocFacet()
    {
        var all = SearchJson(Query, "--all");
        var doc = all.Facets.Doc.First(d => d.Count > 0);

        var filtered = SearchJson(Query, "--all", "--doc", doc.Value);

        Assert.Equal(doc.Count, filtered.TotalHits);
        Assert.All(filtered.Hits, hit => Assert.Equal(doc.Value, hit.Doc));
    }

    [Fact]
    public void Search_TopicFilter_MatchesTopicFacet()
    {
        var all = SearchJson(Query, "--all");
        var topic = all.Facets.Topic.First(t => t.Count > 0);

        var filtered = SearchJson(Query, "--all", "--topic", topic.Value);

        Assert.Equal(topic.Count, filtered.TotalHits);
        Assert.All(filtered.Hits, hit => Assert.Equal(topic.Value, hit.Topic));
    }

    [Fact]
    public void Search_TypeFilter_MatchesTypeFacetAndRepeatedTypeIsOr()
    {
        var all = SearchJson(Query, "--all");
        Assert.True(all.Facets.Type.Count >= 2, "the seeds hold several document types");
        var (first, second) = (all.Facets.Type[0], all.Facets.Type[1]);

        var one = SearchJson(Query, "--all", "--type", first.Value);
        var both = SearchJson(Query, "--all", "--type", first.Value, "--type", second.Value);

        Assert.Equal(first.Count, one.TotalHits);
        Assert.Equal(first.Occurrences, one.TotalOccurrences);
        Assert.Equal(first.Count + second.Count, both.TotalHits);
        Assert.Equal(all.Facets.Type.Select(t => (t.Value, t.Count)), one.Facets.Type.Select(t => (t.Value, t.Count)));
        Assert.Equal([first.Value], one.Facets.Type.Where(t => t.Selected).Select(t => t.Value));
    }

    [Fact]
    public void Search_UnknownType_IsAUsageErrorListingTheTypes()
    {
        var run = Search(Query, "--type", "plan");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("five-year-plan", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_LimitAndOffset_PageThroughHits()
    {
        var all = SearchJson(Query, "--all", "--sort", "document");
        var page = SearchJson(Query, "--limit", "2", "--offset", "1", "--sort", "document");

        Assert.Equal(all.TotalHits, page.TotalHits);
        Assert.Equal(all.Hits.Skip(1).Take(2).Select(h => h.Id), page.Hits.Select(h => h.Id));
    }

    [Fact]
    public void Search_Hits_ExitsZero() => Assert.Equal(0, Search(Query).ExitCode);

    [Fact]
    public void Search_NoHits_ExitsOne()
    {
        var run = Search("完全不存在的短语甲乙丙丁");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Search_FilterExcludingEverything_ExitsOne() =>
        Assert.Equal(1, Search(Query, "--year", "1999").ExitCode);

    [Theory]
    [InlineData("--year", "20x4")]
    [InlineData("--format", "xml")]
    [InlineData("--sort", "random")]
    [InlineData("--bogus", "1")]
    public void Search_BadFlag_ExitsTwoWithMessage(string flag, string value)
    {
        var run = Search(Query, flag, value);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("xiqing: ", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Search_MissingQuery_ExitsTwo() => Assert.Equal(2, Search().ExitCode);

    [Theory]
    [InlineData("\"天开", 0)]
    [InlineData("(西青 AND", 0)]
    [InlineData("西青 AND \"天开", 7)]
    [InlineData("天开 AND (西青", 7)]
    public void Search_MalformedQuery_PrintsQueryAndCaretUnderTheError(string query, int errorOffset)
    {
        var run = Search(query);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.DoesNotContain("   at ", run.Stderr); // no stack trace
        var lines = run.Stderr.Split('\n');
        var queryLine = Array.IndexOf(lines, "  " + query);
        Assert.True(queryLine > 0, run.Stderr);
        Assert.Contains("[query.", lines[queryLine - 1]);
        var caretLine = lines[queryLine + 1];
        // The caret sits under the offending character on screen: two columns per Chinese character.
        Assert.Equal(2 + DisplayWidth.Of(query.AsSpan(0, errorOffset)), caretLine.IndexOf('^'));
        Assert.Equal("", caretLine[..caretLine.IndexOf('^')].Trim());
    }
}
