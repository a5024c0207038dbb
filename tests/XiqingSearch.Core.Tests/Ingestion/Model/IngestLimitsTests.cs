using System.Collections;
using System.Text;
using XiqingSearch.Core.Configuration;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Ingestion.Model;
using XiqingSearch.Core.Problems;

namespace XiqingSearch.Core.Tests.Ingestion.Model;

/// <summary>
/// The reader limits as settings (<c>ingestion:…</c>) and the character limits, checked once for every format: a
/// document over one is skipped and named with the limit, never cut short, and the rest is read.
/// </summary>
public sealed class IngestLimitsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "xiqing-limits-" + Guid.NewGuid().ToString("N")[..12]);

    public IngestLimitsTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "seeds"));
        File.Copy(Path.Combine(Testing.RepositoryRoot.Seeds, "000_313d8db390bab93c.txt"), Path.Combine(_root, "seeds", "000_313d8db390bab93c.txt"));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_root, "seeds", name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public void ToIngestLimits_EverySetting_ReachesTheLimits_AndZeroOrGarbageKeepsTheDefault()
    {
        var flags = new Dictionary<string, string?>
        {
            ["Ingestion:MaxPartBytes"] = "1000",
            ["Ingestion:MaxInflatedBytes"] = "2000",
            ["Ingestion:MaxCompressionRatio"] = "30",
            ["Ingestion:MaxNestingDepth"] = "40",
            ["Ingestion:MaxPages"] = "50",
            ["Ingestion:MaxDocumentCharacters"] = "0",
            ["Ingestion:MaxParagraphCharacters"] = "many",
        };

        var limits = SettingsResolver.Resolve(flags, new Hashtable(), _root).ValueOrThrow().ToIndexOptions().IngestLimits;

        Assert.Equal(1000, limits.MaxPartBytes);
        Assert.Equal(2000, limits.MaxInflatedBytes);
        Assert.Equal(30, limits.MaxCompressionRatio);
        Assert.Equal(40, limits.MaxNestingDepth);
        Assert.Equal(50, limits.MaxPages);
        Assert.Equal(IngestLimits.Default.MaxDocumentCharacters, limits.MaxDocumentCharacters);
        Assert.Equal(IngestLimits.Default.MaxParagraphCharacters, limits.MaxParagraphCharacters);
    }

    [Fact]
    public void ToIngestLimits_EnvironmentVariable_IsRead()
    {
        var environment = new Hashtable { ["XIQING_INGESTION__MAX_PAGES"] = "7" };

        var limits = SettingsResolver.Resolve(new Dictionary<string, string?>(), environment, _root).ValueOrThrow().ToIngestLimits();

        Assert.Equal(7, limits.MaxPages);
    }

    [Fact]
    public void ReadCorpus_ParagraphOverLimit_SkipsAndNamesTheFileAndLimit_RestIsRead()
    {
        Write("long.txt", "西青区2024年国民经济和社会发展规划\n\n" + string.Concat(Enumerable.Repeat("发展新质生产力", 100)) + "。\n");

        var read = CorpusReader.ReadCorpus(Path.Combine(_root, "seeds"), limits: new IngestLimits { MaxParagraphCharacters = 500 }).ValueOrThrow();

        var skipped = Assert.Single(read.Skipped);
        Assert.Equal("long.txt", skipped.File);
        Assert.Equal(ProblemCodes.DocumentTooLarge, skipped.Code);
        Assert.Contains("ingestion:maxParagraphCharacters", skipped.Reason, StringComparison.Ordinal);
        Assert.Contains("500", skipped.Reason, StringComparison.Ordinal);
        Assert.Equal("000_313d8db390bab93c", Assert.Single(read.Documents).File.Id);
    }

    [Fact]
    public void ReadCorpus_DocumentOverLimit_AnyFormat_IsSkippedWhole()
    {
        Write("page.html", "<html><head><title>西青区2024年国民经济和社会发展规划</title></head><body>"
            + string.Concat(Enumerable.Range(0, 50).Select(i => $"<p>第{i}段，推动高质量发展。</p>")) + "</body></html>");

        Write("short.txt", "2024年西青区工作要点\n\n推动高质量发展。\n");

        var read = CorpusReader.ReadCorpus(Path.Combine(_root, "seeds"), limits: new IngestLimits { MaxDocumentCharacters = 300 }).ValueOrThrow();

        // The seed itself is over 300 characters too: both are named, neither is cut short into the index; the
        // short text within the limit is read.
        Assert.Equal(["000_313d8db390bab93c.txt", "page.html"], read.Skipped.Select(s => s.File).Order(StringComparer.Ordinal));
        Assert.All(read.Skipped, s => Assert.Contains("ingestion:maxDocumentCharacters", s.Reason, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["short"], read.Documents.Select(d => d.File.Id));
    }

    [Fact]
    public void Build_TextFileFarOverLimit_IsNamedWithoutBeingRead_BuildGoesOn()
    {
        Write("huge.txt", "西青区2024年国民经济和社会发展规划\n\n" + new string('发', 30_000) + "。\n");
        var options = new IndexOptions
        {
            IndexDirectory = Path.Combine(_root, "index"),
            SeedsDirectory = Path.Combine(_root, "seeds"),
            IngestLimits = new IngestLimits { MaxDocumentCharacters = 20_000 },
        };

        var report = IndexBuilder.Build(options).ValueOrThrow();

        Assert.Equal(ProblemCodes.DocumentTooLarge, Assert.Single(report.Skipped, s => s.File == "huge.txt").Code);
        Assert.Contains(report.Documents, d => d.Doc == "000_313d8db390bab93c");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not a test failure.
        }
    }
}
