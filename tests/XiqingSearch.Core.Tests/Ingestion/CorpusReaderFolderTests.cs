using System.Diagnostics;
using System.Text;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Problems;

namespace XiqingSearch.Core.Tests.Ingestion;

/// <summary>
/// Real folders: documents in folders under the seeds, entries that are no documents beside them, a bad catalogue,
/// and the same text in two formats.
/// </summary>
public sealed class CorpusReaderFolderTests : IDisposable
{
    private readonly string _seeds = Directory.CreateTempSubdirectory("xiqing-folder-").FullName;

    public void Dispose() => Directory.Delete(_seeds, recursive: true);

    private static string Seed(string id) => Path.Combine(SeedsFolder.Path, id + ".txt");

    private string Put(string relative, string? copyOf = null, byte[]? bytes = null)
    {
        var path = Path.Combine(_seeds, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (copyOf is not null)
        {
            File.Copy(copyOf, path);
        }
        else
        {
            File.WriteAllBytes(path, bytes ?? []);
        }
        return path;
    }

    [Fact]
    public void ReadCorpus_NestedFolders_IdIsTheRelativePathWithoutExtension()
    {
        Put("000_313d8db390bab93c.txt", Seed("000_313d8db390bab93c"));
        Put("2023/区政府/001.txt", Seed("001_f16b77e1b112afd0"));
        Put("2023/synonyms.txt", bytes: Encoding.UTF8.GetBytes("西青区2023年工作要点\n\n一、总则\n推进天开西青园建设。\n"));
        Put(".git/objects/x.txt", Seed("002_f55b3c4a284a3151"));
        Put("synonyms.txt", bytes: Encoding.UTF8.GetBytes("天开园 天开西青园\n"));

        var read = CorpusReader.ReadCorpus(_seeds).ValueOrThrow();

        Assert.Equal(["000_313d8db390bab93c", "2023/synonyms", "2023/区政府/001"], read.Documents.Select(d => d.File.Id));
        Assert.Equal("2023/区政府/001.txt", read.Documents[2].File.FileName);
        Assert.All(read.Documents[2].Paragraphs, p => Assert.Equal("2023/区政府/001", p.Doc));
        Assert.Empty(read.Skipped);
    }

    [Fact]
    public void ReadCorpus_CatalogueKeyedByNestedId_AppliesItsFields()
    {
        Put("sub/notes.txt", bytes: Encoding.UTF8.GetBytes("工作要点\n\n一、总则\n推进天开西青园建设。\n"));
        File.WriteAllText(Path.Combine(_seeds, Catalog.FileName), """
            { "documents": { "sub/notes": { "year": 2019, "number": "西青政发〔2019〕3号", "issuer": "西青区人民政府",
              "url": "https://www.tjxq.gov.cn/notes.html", "writtenDate": "2019-03-01", "publishedDate": "2019-03-05" } } }
            """);

        var document = Assert.Single(CorpusReader.ReadCorpus(_seeds).ValueOrThrow().Documents);

        Assert.Equal((2019, YearSources.Catalogue), (document.Year, document.YearSource));
        Assert.Equal("西青政发〔2019〕3号", document.Facts.Number);
        Assert.Equal("西青区人民政府", document.Facts.Issuer);
        Assert.Equal("https://www.tjxq.gov.cn/notes.html", document.Facts.SourceUrl);
        Assert.Equal(new DateOnly(2019, 3, 1), document.Facts.WrittenDate);
        Assert.Equal(new DateOnly(2019, 3, 5), document.Facts.PublishedDate);
    }

    [Fact]
    public void ReadCorpus_BadEntries_AreSkippedAndNamed_TheRestIsRead()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        Put("000_313d8db390bab93c.txt", Seed("000_313d8db390bab93c"));
        Put("empty.txt");
        Put("blob.txt", bytes: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]);
        File.CreateSymbolicLink(Path.Combine(_seeds, "dangling.txt"), "no-such-file.txt");
        File.CreateSymbolicLink(Path.Combine(_seeds, "loop-a.md"), "loop-b.md");
        File.CreateSymbolicLink(Path.Combine(_seeds, "loop-b.md"), "loop-a.md");
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(_seeds, "pipe.txt")]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var read = CorpusReader.ReadCorpus(_seeds).ValueOrThrow();

        Assert.Equal(["000_313d8db390bab93c"], read.Documents.Select(d => d.File.Id));
        Assert.Equal(
            [("blob.txt", ProblemCodes.BinaryFile), ("dangling.txt", ProblemCodes.BrokenLink), ("empty.txt", ProblemCodes.EmptyFile),
                ("loop-a.md", ProblemCodes.BrokenLink), ("loop-b.md", ProblemCodes.BrokenLink), ("pipe.txt", ProblemCodes.NotAFile)],
            read.Skipped.Select(s => (s.File, s.Code)));
        Assert.All(read.Skipped, s => Assert.False(string.IsNullOrWhiteSpace(s.Reason)));
    }

    [Fact]
    public void ReadCorpus_NothingReadable_Fails()
    {
        Put("empty.txt");

        var read = CorpusReader.ReadCorpus(_seeds);

        Assert.False(read.IsSuccess);
        Assert.Equal(ProblemCodes.SeedsFolderEmpty, read.Problems[0].Code);
    }

    [Fact]
    public void ReadCorpus_BadCatalogue_IsNamedInWarnings_AndTheDocumentsAreRead()
    {
        Put("000_313d8db390bab93c.txt", Seed("000_313d8db390bab93c"));
        File.WriteAllText(Path.Combine(_seeds, Catalog.FileName), "{ \"documents\": { \"000\": { \"year\": \"soon\" } } }");

        var read = CorpusReader.ReadCorpus(_seeds).ValueOrThrow();

        Assert.Equal(2024, Assert.Single(read.Documents).Year);
        Assert.Contains(Catalog.FileName, Assert.Single(read.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCorpus_SameTextAsTextAndMarkdown_IsReadOnceFromTheMarkdown()
    {
        // Text without markup reads the same as plain text and as Markdown.
        const string plan = "2024年西青区工作要点\n\n一、总体要求\n\n坚持稳中求进工作总基调，推动高质量发展。\n\n二、重点任务\n\n加快建设天开西青园，培育科技企业。\n";
        Put("plan.txt", bytes: System.Text.Encoding.UTF8.GetBytes(plan));
        Put("archive/plan-copy.md", bytes: System.Text.Encoding.UTF8.GetBytes(plan));
        Put("other.txt", Seed("004_e4f3d8be122b771a"));

        var read = CorpusReader.ReadCorpus(_seeds).ValueOrThrow();

        Assert.Equal(["archive/plan-copy", "other"], read.Documents.Select(d => d.File.Id));
        Assert.Equal(["plan.txt"], read.Documents[0].Copies.Select(f => f.FileName));
        Assert.Empty(read.Documents[1].Copies);
    }

    [Fact]
    public void Rank_PrefersTheFormatWithMostStructure()
    {
        string[] names = ["a.txt", "a.md", "a.pdf", "a.html", "a.docx"];

        var ranked = names.OrderBy(DocumentCopies.Rank).ToList();

        Assert.Equal(["a.docx", "a.html", "a.pdf", "a.md", "a.txt"], ranked);
    }

    [Fact]
    public void Build_OddFileNames_AreIndexedAndTheIndexIsCurrentAfterwards()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var index = Path.Combine(_seeds, ".index");
        Put("2024 年/工作\t要点 #1?.txt", bytes: Encoding.UTF8.GetBytes("西青区2024年工作要点\n\n一、总则\n推进天开西青园建设。\n"));
        Put("a%20b.txt", Seed("002_f55b3c4a284a3151"));
        var options = new XiqingSearch.Core.Indexing.IndexOptions { IndexDirectory = index, SeedsDirectory = _seeds };

        var built = XiqingSearch.Core.Indexing.IndexBuilder.Build(options).ValueOrThrow();

        Assert.Equal(["2024 年/工作\t要点 #1?", "a%20b"], built.Documents.Select(d => d.Doc));
        Assert.Equal(XiqingSearch.Core.Indexing.IndexState.Current, XiqingSearch.Core.Indexing.IndexBuilder.Check(options));
    }
}
