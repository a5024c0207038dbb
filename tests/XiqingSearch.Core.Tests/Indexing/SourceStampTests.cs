using System.Security.Cryptography;
using System.Text;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Ingestion;

namespace XiqingSearch.Core.Tests.Indexing;

/// <summary>
/// The staleness check's quick path: a source whose size and last-write time are those recorded by the last
/// commit keeps its recorded hash without being read; anything else is read and hashed.
/// </summary>
public sealed class SourceStampTests
{
    private static readonly DateTime s_anHourAgo = DateTime.UtcNow.AddHours(-1);

    [Fact]
    public void ListFiles_SameSizeAndStamp_TakesTheKnownHashWithoutReading()
    {
        using var work = new TempWorkspace(copySeeds: false);
        var path = Write(work, "a.txt", "甲乙丙丁", s_anHourAgo);
        var first = CorpusReader.ListFiles(work.Seeds).ValueOrThrow().Single();
        Assert.Equal(Sha256Of(path), first.Sha256);
        Assert.Equal(s_anHourAgo.Ticks, first.Stamp);

        // A recorded hash that is not the file's: taken as it is, which shows the file was not read.
        var known = new Dictionary<string, KnownSource> { ["a.txt"] = new(first.Bytes, first.Stamp!.Value, "recorded") };
        Assert.Equal("recorded", CorpusReader.ListFiles(work.Seeds, known).ValueOrThrow().Single().Sha256);
    }

    [Fact]
    public void ListFiles_SameSizeNewTime_ReadsAndHashes()
    {
        using var work = new TempWorkspace(copySeeds: false);
        var path = Write(work, "a.txt", "甲乙丙丁", s_anHourAgo);
        var first = CorpusReader.ListFiles(work.Seeds).ValueOrThrow().Single();
        var known = new Dictionary<string, KnownSource> { ["a.txt"] = new(first.Bytes, first.Stamp!.Value, first.Sha256) };

        // Same size, other bytes, written later: the time moved, so the file is read again.
        Write(work, "a.txt", "戊己庚辛", s_anHourAgo.AddMinutes(1));
        var again = CorpusReader.ListFiles(work.Seeds, known).ValueOrThrow().Single();

        Assert.Equal(first.Bytes, again.Bytes);
        Assert.Equal(Sha256Of(path), again.Sha256);
        Assert.NotEqual(first.Sha256, again.Sha256);
    }

    [Fact]
    public void ListFiles_FileWrittenJustNow_HasNoStampAndIsAlwaysHashed()
    {
        using var work = new TempWorkspace(copySeeds: false);
        var path = Write(work, "a.txt", "甲乙丙丁", DateTime.UtcNow);
        var listed = CorpusReader.ListFiles(work.Seeds).ValueOrThrow().Single();
        Assert.Null(listed.Stamp);

        // Even a known entry with this very time is not trusted for a file this young.
        var ticks = File.GetLastWriteTimeUtc(path).Ticks;
        var known = new Dictionary<string, KnownSource> { ["a.txt"] = new(listed.Bytes, ticks, "recorded") };
        Assert.Equal(Sha256Of(path), CorpusReader.ListFiles(work.Seeds, known).ValueOrThrow().Single().Sha256);
    }

    [Fact]
    public void Build_RecordsStamps_AndACheckAfterADifferentSameSizeWriteIsStale()
    {
        using var work = new TempWorkspace();
        foreach (var file in Directory.GetFiles(work.Seeds))
        {
            File.SetLastWriteTimeUtc(file, s_anHourAgo);
        }
        IndexBuilder.Build(work.Options).ValueOrThrow();
        var manifest = IndexBuilder.ReadManifest(work.Index, out _)!;
        Assert.Equal(manifest.Files.Select(f => f.Name), manifest.Stamps.Keys.Order(StringComparer.Ordinal));
        Assert.All(manifest.Stamps.Values, ticks => Assert.Equal(s_anHourAgo.Ticks, ticks));
        Assert.Equal(manifest.Files.Count, manifest.KnownSources().Count);

        // Touched, same bytes: still current (the hash decides once the time moved).
        var seed = work.SeedPath(0);
        File.SetLastWriteTimeUtc(seed, s_anHourAgo.AddMinutes(5));
        Assert.Equal(IndexState.Current, IndexBuilder.Check(work.Options));

        // Same size, one character swapped for another of the same UTF-8 length: stale.
        var text = File.ReadAllText(seed, Encoding.UTF8);
        var at = text.IndexOf('发', StringComparison.Ordinal);
        File.WriteAllText(seed, string.Concat(text.AsSpan(0, at), "展", text.AsSpan(at + 1)), new UTF8Encoding(false));
        File.SetLastWriteTimeUtc(seed, s_anHourAgo.AddMinutes(10));
        Assert.Equal(IndexState.Stale, IndexBuilder.Check(work.Options));
    }

    [Fact]
    public void Manifest_Stamps_RoundTripThroughTheCommitData_AndADamagedLineIsDropped()
    {
        var files = new[]
        {
            new SourceFile("/s/a.txt", "a.txt", "a", 3, "h1", 42),
            new SourceFile("/s/b.txt", "b.txt", "b", 4, "h2", null),
        };
        var data = IndexManifest.For(files, catalog: null, DateTimeOffset.UtcNow).ToCommitData();
        var read = IndexManifest.FromCommitData(data)!;
        Assert.Equal(new Dictionary<string, long> { ["a.txt"] = 42 }, read.Stamps);
        Assert.Equal(new KnownSource(3, 42, "h1"), read.KnownSources()["a.txt"]);
        Assert.False(read.KnownSources().ContainsKey("b.txt"));

        data["xiqing.stamps"] = "a.txt\tnot-a-number\nb.txt\t7";
        var damaged = IndexManifest.FromCommitData(data)!;
        Assert.Equal(new Dictionary<string, long> { ["b.txt"] = 7 }, damaged.Stamps);
        Assert.Equal(2, damaged.Files.Count);
    }

    private static string Write(TempWorkspace work, string name, string text, DateTime lastWriteUtc)
    {
        var path = Path.Combine(work.Seeds, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        File.SetLastWriteTimeUtc(path, lastWriteUtc);
        return path;
    }

    private static string Sha256Of(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
