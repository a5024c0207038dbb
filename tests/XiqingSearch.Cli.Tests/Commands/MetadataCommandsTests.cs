using System.Text;
using System.Text.Json;

namespace XiqingSearch.Cli.Tests.Commands;

/// <summary>The seeds, a text with no year anywhere and catalogue metadata, built by <c>xiqing index</c>.</summary>
public sealed class MetadataCorpusFixture : IDisposable
{
    public const string Undated = "notes";
    public const string Issuer = "天津市西青区人民政府";

    public MetadataCorpusFixture()
    {
        Corpus = new TempCorpus();
        File.WriteAllText(Path.Combine(Corpus.Seeds, Undated + ".txt"),
            "关于推进社区养老服务的通知\n\n各街道办事处：\n\n为推动社区养老服务高质量发展，现就有关事项通知如下。\n", new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(Corpus.Seeds, "catalog.json"),
            "{ \"documents\": { \"000_313d8db390bab93c\": { \"issuer\": \"" + Issuer + "\", \"number\": \"津西青政发〔2024〕1号\" } } }",
            new UTF8Encoding(false));
        var build = Corpus.Run("index");
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException("xiqing index failed: " + build);
        }
    }

    public TempCorpus Corpus { get; }

    public void Dispose() => Corpus.Dispose();
}

public sealed class MetadataCommandsTests(MetadataCorpusFixture fixture) : IClassFixture<MetadataCorpusFixture>
{
    private const string Phrase = "高质量发展";

    private CliRun Run(params string[] args) => fixture.Corpus.Run(args);

    private static List<JsonElement> Hits(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        return [.. JsonDocument.Parse(run.Stdout).RootElement.GetProperty("hits").EnumerateArray()];
    }

    [Fact]
    public void Search_YearUnknown_OnlyUndatedHitsWithNullYear()
    {
        var hits = Hits(Run("search", Phrase, "--year", "unknown", "--all", "--format", "json"));
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal(MetadataCorpusFixture.Undated, h.GetProperty("doc").GetString()));
        Assert.All(hits, h => Assert.Equal(JsonValueKind.Null, h.GetProperty("year").ValueKind));
    }

    [Fact]
    public void Search_YearMixedWithUnknown_KeepsBoth()
    {
        var hits = Hits(Run("search", Phrase, "--year", "2024", "--year", "unknown", "--all", "--format", "json"));
        var years = hits.Select(h => h.GetProperty("year").ValueKind == JsonValueKind.Null ? "unknown" : h.GetProperty("year").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["2024", "unknown"], years);
    }

    [Fact]
    public void Search_YearUnknownText_Shows年份未知()
    {
        var run = Run("search", Phrase, "--year", "unknown");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("年份未知", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_BadYear_UsageErrorNamesUnknown()
    {
        var run = Run("search", Phrase, "--year", "unknwn");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_Issuer_KeepsThatIssuersHitsAndShowsIt()
    {
        var hits = Hits(Run("search", "发展", "--issuer", MetadataCorpusFixture.Issuer, "--all", "--format", "json"));
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Equal(MetadataCorpusFixture.Issuer, h.GetProperty("issuer").GetString()));
        var text = Run("search", "发展", "--issuer", MetadataCorpusFixture.Issuer);
        Assert.Contains(MetadataCorpusFixture.Issuer + " · 津西青政发〔2024〕1号", text.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, Run("search", "发展", "--issuer", "没有这个机关").ExitCode);
    }

    [Fact]
    public void Search_IssuerJson_FacetCountsTheIssuerSelectedAndLeavesOutDocumentsWithout()
    {
        var all = JsonDocument.Parse(Run("search", "发展", "--format", "json").Stdout).RootElement;
        var filtered = JsonDocument.Parse(Run("search", "发展", "--issuer", MetadataCorpusFixture.Issuer, "--format", "json").Stdout).RootElement;

        var value = filtered.GetProperty("facets").GetProperty("issuer").EnumerateArray().Single(v => v.GetProperty("value").GetString() == MetadataCorpusFixture.Issuer);
        Assert.True(value.GetProperty("selected").GetBoolean());
        Assert.Equal(filtered.GetProperty("totalHits").GetInt32(), value.GetProperty("count").GetInt32());
        // Documents with no issuer are in no value: the facet counts fewer hits than the search has.
        var counted = all.GetProperty("facets").GetProperty("issuer").EnumerateArray().Sum(v => v.GetProperty("count").GetInt32());
        Assert.InRange(counted, value.GetProperty("count").GetInt32(), all.GetProperty("totalHits").GetInt32() - 1);
    }

    [Fact]
    public void Stats_Json_YearSourcePerDocumentAndNullForUndated()
    {
        var run = Run("stats", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        var documents = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("documents").EnumerateArray().ToList();
        var undated = documents.Single(d => d.GetProperty("doc").GetString() == MetadataCorpusFixture.Undated);
        Assert.Equal(JsonValueKind.Null, undated.GetProperty("yearSource").ValueKind);
        Assert.Equal(JsonValueKind.Null, undated.GetProperty("year").ValueKind);
        Assert.All(documents.Where(d => d.GetProperty("doc").GetString() != MetadataCorpusFixture.Undated),
            d => Assert.False(string.IsNullOrEmpty(d.GetProperty("yearSource").GetString())));
    }

    [Fact]
    public void Stats_Text_YearSourceColumnAndUnknownYear()
    {
        var run = Run("stats");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("year source", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("年份未知", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_UndatedParagraph_HeaderSays年份未知AndIssuer()
    {
        var run = Run("show", MetadataCorpusFixture.Undated + "#1");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("年份未知 · ", run.Stdout, StringComparison.Ordinal);
        var catalogued = Run("show", "000_313d8db390bab93c", "--all");
        Assert.Contains("issued:  " + MetadataCorpusFixture.Issuer, catalogued.Stdout, StringComparison.Ordinal);
    }
}
