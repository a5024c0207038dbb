using System.Text;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Ingestion;

namespace XiqingSearch.Core.Tests.Ingestion;

/// <summary>
/// Damaged documents of every format through the whole ingestion: the real fixtures (PDF, DOCX, HTML) and seeds
/// (text, Markdown) with bits flipped, cut short, spliced into each other, blocks repeated, and deep nesting. A
/// fixed seed makes every run the same inputs (a failure is reproducible); each input is bounded in time, and none
/// may throw, hang or stop the build: each is read, skipped with its reason, or refused by name.
/// </summary>
public sealed class DocumentFuzzTests : IDisposable
{
    private const int MutantsPerSource = 8;
    private static readonly TimeSpan s_perInput = TimeSpan.FromSeconds(30);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "xiqing-docfuzz-" + Guid.NewGuid().ToString("N")[..12]);

    private static IEnumerable<string> Sources()
    {
        var fixtures = Path.Combine(Testing.RepositoryRoot.Path, "tests", "Fixtures", "Documents");
        foreach (var name in new[] { "000_313d8db390bab93c.docx", "000_313d8db390bab93c.html", "000_313d8db390bab93c.libreoffice.pdf", "bad-truncated.docx" })
        {
            yield return Path.Combine(fixtures, name);
        }
        yield return Path.Combine(Testing.RepositoryRoot.Seeds, "000_313d8db390bab93c.txt");
    }

    /// <summary>The mutants of every source, named by source, kind and number; the same on every run.</summary>
    private static List<(string Name, byte[] Bytes)> Mutants()
    {
        var random = new Random(20261207);
        var sources = Sources().Select(path => (Path: path, Bytes: File.ReadAllBytes(path))).ToList();
        var mutants = new List<(string, byte[])>();
        foreach (var (path, bytes) in sources)
        {
            var extension = Path.GetExtension(path);
            // The whole source name in the stem: a DOCX and a page mutated alike must not share a document id.
            var stem = Path.GetFileName(path).Replace('.', '-');
            for (var i = 0; i < MutantsPerSource; i++)
            {
                var kind = i % 4;
                var mutant = kind switch
                {
                    0 => FlipBits(bytes, random, 1 + random.Next(32)),
                    1 => bytes[..random.Next(1, bytes.Length)],
                    2 => Splice(bytes, sources[random.Next(sources.Count)].Bytes, random),
                    _ => RepeatBlock(bytes, random),
                };
                mutants.Add(($"{stem}-m{i}-{kind}{extension}", mutant));
            }
        }
        // Nesting and shape no real document has: a deep page, a deep Markdown quote and list, one endless line.
        mutants.Add(("deep.html", Encoding.UTF8.GetBytes("<html><body>" + string.Concat(Enumerable.Repeat("<div><span>", 2000)) + "发展" + "</body></html>")));
        mutants.Add(("deep.md", Encoding.UTF8.GetBytes("# 2024年\n\n" + new string('>', 2000) + " 发展\n\n" + string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', i * 2) + "- 项\n")))));
        mutants.Add(("oneline.txt", Encoding.UTF8.GetBytes("2024年" + string.Concat(Enumerable.Repeat("发展，", 200_000)))));
        return mutants;
    }

    private static byte[] FlipBits(byte[] bytes, Random random, int flips)
    {
        var copy = (byte[])bytes.Clone();
        for (var i = 0; i < flips; i++)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }
        return copy;
    }

    private static byte[] Splice(byte[] a, byte[] b, Random random) => [.. a[..random.Next(1, a.Length)], .. b[random.Next(b.Length)..]];

    private static byte[] RepeatBlock(byte[] bytes, Random random)
    {
        var start = random.Next(bytes.Length);
        var length = Math.Min(bytes.Length - start, 1 + random.Next(4096));
        var block = bytes.AsSpan(start, length).ToArray();
        return [.. bytes[..start], .. Enumerable.Repeat(block, 1 + random.Next(20)).SelectMany(b => b), .. bytes[start..]];
    }

    [Fact]
    public async Task ReadOrSkip_EveryMutant_ReadsSkipsOrRefusesInBoundedTime()
    {
        var folder = Path.Combine(_root, "one");
        Directory.CreateDirectory(folder);
        var failures = new List<string>();
        foreach (var (name, bytes) in Mutants())
        {
            var path = Path.Combine(folder, name);
            File.WriteAllBytes(path, bytes);
            var file = new SourceFile(path, name, Path.GetFileNameWithoutExtension(name), bytes.LongLength, "0");
            var read = Task.Run(() => CorpusReader.ReadOrSkip(file, null));
            if (await Task.WhenAny(read, Task.Delay(s_perInput)) != read)
            {
                failures.Add($"{name}: still reading after {s_perInput.TotalSeconds} s");
                continue;
            }
            var (document, skipped) = await read;
            if (skipped is not null)
            {
                // Skipped is named, with a stable code and a reason.
                if (skipped.File != name || !skipped.Code.StartsWith("ingest.", StringComparison.Ordinal) || skipped.Reason.Length == 0)
                {
                    failures.Add($"{name}: skipped without a proper name, code or reason: {skipped}");
                }
            }
            else if (document is null)
            {
                failures.Add($"{name}: neither read nor skipped");
            }
            File.Delete(path);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Build_MutantsBesideAGoodSeed_NeverThrows_EveryBadFileIsNamed()
    {
        var seeds = Path.Combine(_root, "seeds");
        Directory.CreateDirectory(seeds);
        File.Copy(Path.Combine(Testing.RepositoryRoot.Seeds, "000_313d8db390bab93c.txt"), Path.Combine(seeds, "000_313d8db390bab93c.txt"));
        // Every format: a bad file is skipped and the build goes on.
        var mutants = Mutants().ToList();
        foreach (var (name, bytes) in mutants)
        {
            File.WriteAllBytes(Path.Combine(seeds, name), bytes);
        }
        // Mutants that leave the text alone are copies of one another: kept apart, so each is named.
        var options = new IndexOptions { IndexDirectory = Path.Combine(_root, "index"), SeedsDirectory = seeds, KeepCopiesApart = true };

        var build = IndexBuilder.Build(options);

        Assert.True(build.IsSuccess, string.Join("; ", build.Problems));
        var named = build.Value.Documents.Select(d => d.Doc)
            .Concat(build.Value.Skipped.Select(s => Path.GetFileNameWithoutExtension(s.File))).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(build.Value.Documents, d => d.Doc == "000_313d8db390bab93c");
        Assert.All(mutants, m => Assert.Contains(Path.GetFileNameWithoutExtension(m.Name), named));
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
