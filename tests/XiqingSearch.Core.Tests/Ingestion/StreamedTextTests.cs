using System.Text;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Ingestion.Model;
using XiqingSearch.Core.Problems;

namespace XiqingSearch.Core.Tests.Ingestion;

/// <summary>
/// A text file over <c>ingestion:streamTextBytes</c> is read as a stream (<see cref="StreamedText"/>): the same
/// document and paragraphs as the whole-file reader gives, whatever its encoding and line endings, and a file that
/// cannot be read is skipped and named the same way.
/// </summary>
public sealed class StreamedTextTests : IDisposable
{
    private static readonly IngestLimits s_streamAll = IngestLimits.Default with { StreamTextBytes = 1 };

    private readonly string _root = Path.Combine(Path.GetTempPath(), "xiqing-streamed-" + Guid.NewGuid().ToString("N")[..12]);

    public StreamedTextTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind harms nothing.
        }
    }

    public static TheoryData<string, string> Variants()
    {
        var data = new TheoryData<string, string>();
        foreach (var seed in Directory.GetFiles(SeedsFolder.Path, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            data.Add(seed!, "utf-8");
        }
        data.Add("000_313d8db390bab93c.txt", "crlf");
        data.Add("000_313d8db390bab93c.txt", "utf-16");
        data.Add("002_f55b3c4a284a3151.txt", "gb18030");
        data.Add("003_7844a359d923be1e.txt", "utf-8-bom");
        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Paragraphs_SeedStreamed_EqualTheWholeFileReadersParagraphs(string seed, string variant)
    {
        var text = File.ReadAllText(Path.Combine(SeedsFolder.Path, seed));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = variant switch
        {
            "crlf" => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n")),
            "utf-16" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "gb18030" => Encoding.GetEncoding("GB18030").GetBytes(text),
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            _ => Encoding.UTF8.GetBytes(text),
        };
        var file = Listed(seed, bytes);

        var (whole, notRead) = CorpusReader.ReadOrSkip(file, null);
        var (streamed, skipped) = StreamedText.Survey(file, null, s_streamAll);

        Assert.Null(notRead);
        Assert.Null(skipped);
        Assert.True(StreamedText.Applies(file, s_streamAll));
        Assert.False(StreamedText.Applies(file, IngestLimits.Default));
        Assert.Equal(whole!.Title, streamed!.Document.Title);
        Assert.Equal(whole.Year, streamed.Document.Year);
        Assert.Equal(whole.YearSource, streamed.Document.YearSource);
        Assert.Equal(whole.Type, streamed.Document.Type);
        Assert.Equal(whole.Period, streamed.Document.Period);
        Assert.Equal(whole.Facts, streamed.Document.Facts);
        Assert.Equal(DocumentCopies.TextHash(whole), streamed.TextHash);
        Assert.Equal(whole.Paragraphs.Count, streamed.Count);
        Assert.Equal(whole.Paragraphs.Count(p => p.Kind == ParagraphKind.Heading), streamed.Headings);
        Assert.Equal(whole.Paragraphs.Select(Describe), streamed.Paragraphs(s_streamAll).Select(Describe));
    }

    [Fact]
    public void Survey_LineLongerThanAParagraphMayBe_IsSkippedNamingTheLimit()
    {
        var file = Listed("long.txt", Encoding.UTF8.GetBytes("标题\n" + new string('发', 5000) + "。\n"));

        var (streamed, skipped) = StreamedText.Survey(file, null, s_streamAll with { MaxParagraphCharacters = 1000 });

        Assert.Null(streamed);
        Assert.Equal(ProblemCodes.DocumentTooLarge, skipped!.Code);
        Assert.Equal("long.txt", skipped.File);
        Assert.Contains("line 2", skipped.Reason, StringComparison.Ordinal);
        Assert.Contains("ingestion:maxParagraphCharacters", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Survey_ParagraphOverTheLimitOverManyLines_IsSkippedNamingTheParagraph()
    {
        var lines = string.Concat(Enumerable.Repeat(new string('发', 100) + "\n", 30));
        var file = Listed("wrapped.txt", Encoding.UTF8.GetBytes(lines + "完。\n"));

        var (streamed, skipped) = StreamedText.Survey(file, null, s_streamAll with { MaxParagraphCharacters = 1000 });

        Assert.Null(streamed);
        Assert.Equal(ProblemCodes.DocumentTooLarge, skipped!.Code);
        Assert.Contains("paragraph 1", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Survey_BinaryFile_IsSkippedAsTheWholeFileReaderSkipsIt()
    {
        var bytes = new byte[4096];
        Random.Shared.NextBytes(bytes);
        bytes[10] = 0;
        var file = Listed("blob.txt", bytes);

        var (_, whole) = CorpusReader.ReadOrSkip(file, null);
        var (streamed, skipped) = StreamedText.Survey(file, null, s_streamAll);

        Assert.Null(streamed);
        Assert.Equal(whole!.Code, skipped!.Code);
        Assert.Equal(ProblemCodes.BinaryFile, skipped.Code);
    }

    [Fact]
    public void Survey_WhitespaceOnly_IsSkippedAsEmpty()
    {
        var file = Listed("blank.txt", Encoding.UTF8.GetBytes(new string(' ', 3000) + "\n\n\t\n"));

        var (streamed, skipped) = StreamedText.Survey(file, null, s_streamAll);

        Assert.Null(streamed);
        Assert.Equal(ProblemCodes.EmptyFile, skipped!.Code);
    }

    [Fact]
    public void Survey_BadUtf8AfterTheFirstMebibyte_IsSkippedAsInvalid()
    {
        var good = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("发展规划。\n", 80_000)));
        var file = Listed("late.txt", [.. good, 0xC3, 0x28, .. "完。\n"u8.ToArray()]);

        var (streamed, skipped) = StreamedText.Survey(file, null, s_streamAll);

        Assert.True(good.Length > 1 << 20);
        Assert.Null(streamed);
        Assert.Equal(ProblemCodes.InvalidUtf8, skipped!.Code);
    }

    private static string Describe(Paragraph p) =>
        $"{p.Number} {p.Kind} {p.FirstLine}-{p.LastLine} [{string.Join(" > ", p.Chapter)}] {p.Topic} {string.Join(",", p.TopicKeywords)} {p.Text}";

    private SourceFile Listed(string name, byte[] bytes)
    {
        var folder = Path.Combine(_root, Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name), bytes);
        return CorpusReader.ListFiles(folder).ValueOrThrow().Single();
    }
}
