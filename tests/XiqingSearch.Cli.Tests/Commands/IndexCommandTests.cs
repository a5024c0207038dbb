using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace XiqingSearch.Cli.Tests.Commands;

/// <summary>
/// <c>xiqing index</c> on a fresh index folder beside entries that are no documents, documents whose year nothing
/// gives, and copies: it commits what it can read, lists the rest, exits 0, and 3 with <c>--strict</c>.
/// </summary>
public sealed class IndexCommandTests
{
    [Fact]
    public void Index_FreshFolderWithBadEntries_CommitsTheSeeds_ListsEachSkipped_ExitsZero()
    {
        using var corpus = new TempCorpus();
        File.WriteAllBytes(Path.Combine(corpus.Seeds, "blob.txt"), [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]);
        File.WriteAllBytes(Path.Combine(corpus.Seeds, "empty.md"), []);
        var bad = new List<(string Name, string Code)> { ("blob.txt", "ingest.binary-file"), ("empty.md", "ingest.empty-file") };
        if (OperatingSystem.IsLinux())
        {
            File.CreateSymbolicLink(Path.Combine(corpus.Seeds, "dangling.txt"), "no-such-file.txt");
            using (var mkfifo = Process.Start("mkfifo", [Path.Combine(corpus.Seeds, "pipe.txt")]))
            {
                mkfifo.WaitForExit();
                Assert.Equal(0, mkfifo.ExitCode);
            }
            bad.Add(("dangling.txt", "ingest.broken-link"));
            bad.Add(("pipe.txt", "ingest.not-a-file"));
        }

        var index = corpus.Run("index");

        Assert.True(index.ExitCode == 0, index.ToString());
        var lines = index.Stdout.Split('\n');
        foreach (var (name, code) in bad)
        {
            Assert.Contains(lines, l => l.Contains(name, StringComparison.Ordinal) && l.Contains($"[{code}]", StringComparison.Ordinal));
        }
        Assert.Contains("5 documents", index.Stdout, StringComparison.Ordinal);
        var search = corpus.Run("search", "天开西青园", "--format", "json");
        Assert.True(search.ExitCode == 0, search.ToString());
        Assert.Equal(8, JsonDocument.Parse(search.Stdout).RootElement.GetProperty("totalOccurrences").GetInt32());

        var strict = corpus.Run("index", "--strict");
        Assert.True(strict.ExitCode == 3, strict.ToString());
        Assert.Contains("blob.txt", strict.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_DocumentWithUnknownYear_IsIndexedAndListedWithItsWarning_StrictExitsThree()
    {
        using var corpus = new TempCorpus();
        File.WriteAllText(Path.Combine(corpus.Seeds, "notice.txt"), "关于做好防汛工作的通知\n\n各单位要高度重视，切实做好天开西青园防汛工作。\n", new UTF8Encoding(false));

        var index = corpus.Run("index");
        var strict = corpus.Run("index", "--strict");

        Assert.True(index.ExitCode == 0, index.ToString());
        Assert.Contains(index.Stdout.Split('\n'), l => l.Contains("notice", StringComparison.Ordinal) && l.Contains("year unknown", StringComparison.Ordinal));
        Assert.Contains("6 documents", index.Stdout, StringComparison.Ordinal);
        Assert.True(strict.ExitCode == 3, strict.ToString());
    }

    [Fact]
    public void Index_CleanSeeds_StrictExitsZero()
    {
        using var corpus = new TempCorpus();

        var strict = corpus.Run("index", "--strict");

        Assert.True(strict.ExitCode == 0, strict.ToString());
        Assert.DoesNotContain("Warnings", strict.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_SameTextTwice_IndexedOnce_NamesTheCopy()
    {
        using var corpus = new TempCorpus();
        Directory.CreateDirectory(Path.Combine(corpus.Seeds, "archive"));
        File.Copy(Path.Combine(corpus.Seeds, "002_f55b3c4a284a3151.txt"), Path.Combine(corpus.Seeds, "archive", "plan-2021.txt"));

        var index = corpus.Run("index");

        Assert.True(index.ExitCode == 0, index.ToString());
        Assert.Contains("archive/plan-2021.txt: same text as 002_f55b3c4a284a3151", index.Stdout, StringComparison.Ordinal);
        Assert.Contains("5 documents", index.Stdout, StringComparison.Ordinal);
    }
}
