using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Tests.Ingestion;

/// <summary>
/// Generated documents through the real reader path (<see cref="CorpusReader.ReadOrSkip"/> with the default
/// <see cref="IngestLimits"/>): FsCheck mutates the real fixtures of every format (PDF, DOCX, saved page, Markdown,
/// text) — bits flipped, cut short, spliced into another format, a block repeated, random bytes put in — and
/// generates markup of random nesting and random bytes under each extension. A fixed seed (<c>Replay</c>) makes
/// every run the same cases, and the number of cases is bounded; each case must be read, or skipped with a code and
/// a reason, within a hang guard of 30 s and with a bounded allocation, never throw.
/// </summary>
public sealed class DocumentPropertyFuzzTests : IDisposable
{
    private const string Seed = "20261207,4243";

    /// <summary>Bytes one case may allocate: a zip bomb inflated, or a quadratic parse, would pass it.</summary>
    private const long MaxAllocatedBytes = 1L << 30;

    private static readonly TimeSpan s_hangGuard = TimeSpan.FromSeconds(30);

    private static readonly Lazy<(string Extension, byte[] Bytes)[]> s_fixtures = new(() =>
    {
        var root = Testing.RepositoryRoot.Path;
        string[] paths =
        [
            Path.Combine(root, "tests", "Fixtures", "Documents", "000_313d8db390bab93c.docx"),
            Path.Combine(root, "tests", "Fixtures", "Documents", "000_313d8db390bab93c.html"),
            Path.Combine(root, "tests", "Fixtures", "Documents", "000_313d8db390bab93c.libreoffice.pdf"),
            Path.Combine(root, "tests", "Fixtures", "Markdown", "gov-cn-guobanhan-2006-82-answer.md"),
            Path.Combine(root, "tests", "Fixtures", "Html", "gov-cn-guobanhan-2006-82-answer.htm"),
            Path.Combine(Testing.RepositoryRoot.Seeds, "002_f55b3c4a284a3151.txt"),
        ];
        return [.. paths.Select(p => (Path.GetExtension(p), File.ReadAllBytes(p)))];
    });

    private static readonly string[] s_extensions = [".docx", ".html", ".pdf", ".md", ".txt"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "xiqing-propfuzz-" + Guid.NewGuid().ToString("N")[..12]);

    public DocumentPropertyFuzzTests() => Directory.CreateDirectory(_root);

    /// <summary>A fixture mutated by generated parameters, keeping the fixture's extension (or another's).</summary>
    private static Gen<(string Extension, byte[] Bytes)> Mutants() =>
        from source in Gen.Choose(0, s_fixtures.Value.Length - 1)
        from other in Gen.Choose(0, s_fixtures.Value.Length - 1)
        from kind in Gen.Choose(0, 5)
        from a in Gen.Choose(0, int.MaxValue)
        from b in Gen.Choose(0, int.MaxValue)
        from noise in Gen.ArrayOf(Gen.Choose(0, 255).Select(x => (byte)x))
        select Mutate(source, other, kind, a, b, noise);

    private static (string, byte[]) Mutate(int source, int other, int kind, int a, int b, byte[] noise)
    {
        var (extension, bytes) = s_fixtures.Value[source];
        var donor = s_fixtures.Value[other].Bytes;
        var at = a % bytes.Length;
        switch (kind)
        {
            case 0:
                var flipped = (byte[])bytes.Clone();
                for (var i = 0; i < 1 + (b % 64); i++)
                {
                    flipped[(at + (i * 7919)) % flipped.Length] ^= (byte)(1 << ((b + i) % 8));
                }
                return (extension, flipped);
            case 1:
                return (extension, bytes[..Math.Max(1, at)]);
            case 2:
                // A fixture's head with another format's tail, under either name.
                return (b % 2 == 0 ? extension : s_fixtures.Value[other].Extension, [.. bytes[..Math.Max(1, at)], .. donor[(b % donor.Length)..]]);
            case 3:
                var length = Math.Min(bytes.Length - at, 1 + (b % 8192));
                var block = bytes.AsSpan(at, length).ToArray();
                return (extension, [.. bytes[..at], .. Enumerable.Repeat(block, 1 + (b % 50)).SelectMany(x => x), .. bytes[at..]]);
            case 4:
                return (extension, [.. bytes[..at], .. noise, .. bytes[at..]]);
            default:
                // Random bytes under any name.
                return (s_extensions[b % s_extensions.Length], noise.Length > 0 ? noise : [0]);
        }
    }

    /// <summary>Markup of random nesting and text: tags opened and closed in any order, deep or not.</summary>
    private static Gen<(string Extension, byte[] Bytes)> Markup() =>
        from depth in Gen.Choose(0, 5000)
        from tags in Gen.Elements("div", "p", "table", "tr", "td", "span", "h1", "li", "ul", "b").ListOf()
        from text in Gen.Elements("发展", "天开西青园", "。", "\n", "<", "&amp;", "&#", "<!--", "# ", "> ", "- ", "|", "\t", "第一章").ListOf()
        from markdown in Gen.Elements(true, false)
        select Build(depth, tags, text, markdown);

    private static (string, byte[]) Build(int depth, IEnumerable<string> tags, IEnumerable<string> text, bool markdown)
    {
        var names = tags.DefaultIfEmpty("div").ToList();
        var body = string.Concat(text);
        if (markdown)
        {
            return (".md", Encoding.UTF8.GetBytes(new string('>', depth % 3000) + " " + body + "\n" + string.Concat(names.Select(n => "# " + n + "\n" + body + "\n"))));
        }
        var page = new StringBuilder("<html><head><title>题</title></head><body>");
        for (var i = 0; i < depth; i++)
        {
            page.Append('<').Append(names[i % names.Count]).Append('>');
        }
        page.Append(body);
        // Closed in a wrong order half the time, and only some of them.
        for (var i = depth - 1; i >= depth / 2; i--)
        {
            page.Append("</").Append(names[(i * 3) % names.Count]).Append('>');
        }
        return (".html", Encoding.UTF8.GetBytes(page.Append("</body></html>").ToString()));
    }

    [Property(MaxTest = 60, Replay = Seed)]
    public Property ReadOrSkip_MutatedFixture_ReadsOrSkipsNamed_InBoundedTimeAndMemory() =>
        Prop.ForAll(Mutants().ToArbitrary(), input => Holds(input));

    [Property(MaxTest = 40, Replay = Seed)]
    public Property ReadOrSkip_GeneratedMarkup_ReadsOrSkipsNamed_InBoundedTimeAndMemory() =>
        Prop.ForAll(Markup().ToArbitrary(), input => Holds(input));

    /// <summary>The case is read or skipped with a proper name, code and reason, in bounded time and allocation.</summary>
    private bool Holds((string Extension, byte[] Bytes) input)
    {
        var name = "case-" + Guid.NewGuid().ToString("N")[..8] + input.Extension;
        var path = Path.Combine(_root, name);
        File.WriteAllBytes(path, input.Bytes);
        try
        {
            var file = new SourceFile(path, name, Path.GetFileNameWithoutExtension(name), input.Bytes.LongLength, "0");
            var read = Task.Run(() =>
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var result = CorpusReader.ReadOrSkip(file, null, IngestLimits.Default);
                return (result.Document, result.Skipped, Allocated: GC.GetAllocatedBytesForCurrentThread() - before);
            });
            if (!read.Wait(s_hangGuard))
            {
                throw new TimeoutException($"{name} ({input.Bytes.Length} bytes): still reading after {s_hangGuard.TotalSeconds} s");
            }
            var (document, skipped, allocated) = read.Result;
            if (allocated > MaxAllocatedBytes)
            {
                throw new InvalidOperationException($"{name} ({input.Bytes.Length} bytes) allocated {allocated:N0} bytes");
            }
            return skipped is not null
                ? skipped.File == name && skipped.Code.StartsWith("ingest.", StringComparison.Ordinal) && skipped.Reason.Length > 0
                : document is not null && document.Paragraphs.Count > 0;
        }
        finally
        {
            File.Delete(path);
        }
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
