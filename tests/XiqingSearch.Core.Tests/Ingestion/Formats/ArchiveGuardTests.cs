using System.IO.Compression;
using System.Text;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Ingestion.Formats;
using XiqingSearch.Core.Ingestion.Model;
using XiqingSearch.Core.Problems;
using Xunit.Abstractions;

namespace XiqingSearch.Core.Tests.Ingestion.Formats;

/// <summary>
/// Zip-packaged documents over the ingest limits (zip bombs, forged sizes, endless nesting, entity expansion) are
/// refused with the limit named, before a parser builds a tree of them, and within bounded memory; real DOCX files
/// pass.
/// </summary>
public sealed class ArchiveGuardTests(ITestOutputHelper output)
{
    private const string DocumentStart =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";

    private const string DocumentEnd = "</w:body></w:document>";

    private const string Paragraph = "<w:p><w:r><w:t>推动高质量发展，坚持稳中求进工作总基调。</w:t></w:r></w:p>";

    [Fact]
    public void Docx_WhoseDocumentInflatesToGigabytes_IsRefusedNamingMaxPartBytes_WithinBoundedMemory()
    {
        // 1.15 GB of paragraphs, streamed into the zip so the test holds only the compressed bytes (a few MB).
        var bomb = Docx(writer =>
        {
            for (long written = 0; written < 1_150_000_000; written += Encoding.UTF8.GetByteCount(Paragraph))
            {
                writer.Write(Paragraph);
            }
        });
        output.WriteLine($"bomb: {ArchiveGuard.Size(bomb.Length)}");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var refused = Assert.Throws<UnreadableDocumentException>(() => DocumentReaders.Read("bomb.docx", bomb, IngestLimits.Default));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"{refused.Reason}; allocated {ArchiveGuard.Size(allocated)}");
        Assert.Equal(ProblemCodes.DocumentTooLarge, refused.Code);
        Assert.Matches(@"^word/document\.xml inflates to 1\.\d+ GB, over the limit of 256 MB \(Ingestion:MaxPartBytes\)$", refused.Reason);
        Assert.True(allocated < 64L * 1024 * 1024, $"allocated {ArchiveGuard.Size(allocated)}");
    }

    [Fact]
    public void Docx_WithAPartCompressedAboveTheRatio_IsRefusedNamingMaxCompressionRatio()
    {
        var bomb = Docx(writer =>
        {
            for (var i = 0; i < 400_000; i++)
            {
                writer.Write(Paragraph);
            }
        });
        var refused = Assert.Throws<UnreadableDocumentException>(() => DocxReader.Instance.Read(bomb, IngestLimits.Default));
        output.WriteLine(refused.Reason);
        Assert.Equal(ProblemCodes.DocumentTooLarge, refused.Code);
        Assert.Contains("word/document.xml inflates", refused.Reason, StringComparison.Ordinal);
        Assert.EndsWith("over the limit of 200× (Ingestion:MaxCompressionRatio)", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Docx_WhoseZipEntryUnderstatesItsSize_IsRefusedAfterInflatingNoMoreThanDeclared()
    {
        var docx = Docx(writer =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                writer.Write(Paragraph);
            }
        });
        // Forge the declared uncompressed size of word/document.xml to 4 KB in its local and central headers.
        Forge(docx, "word/document.xml", 4096);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var refused = Assert.Throws<UnreadableDocumentException>(() => DocxReader.Instance.Read(docx, IngestLimits.Default));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"{refused.Reason} [{refused.Code}]; allocated {ArchiveGuard.Size(allocated)}");
        Assert.Contains("word/document.xml", refused.Reason, StringComparison.Ordinal);
        Assert.True(allocated < 16L * 1024 * 1024, $"allocated {ArchiveGuard.Size(allocated)}");
    }

    [Fact]
    public void Docx_WhosePartsTogetherExceedTheTotal_IsRefusedNamingMaxInflatedBytes()
    {
        var docx = Docx(writer =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                writer.Write(Paragraph);
            }
        });
        var limits = IngestLimits.Default with { MaxInflatedBytes = 100_000 };
        var refused = Assert.Throws<UnreadableDocumentException>(() => DocxReader.Instance.Read(docx, limits));
        output.WriteLine(refused.Reason);
        Assert.Equal(ProblemCodes.DocumentTooLarge, refused.Code);
        Assert.EndsWith("(Ingestion:MaxInflatedBytes)", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Docx_NestedDeeperThanTheLimit_IsRefusedNamingMaxNestingDepth()
    {
        var docx = Docx(writer =>
        {
            writer.Write("<w:p><w:r><w:t>外层</w:t></w:r></w:p>");
            for (var i = 0; i < 100_000; i++)
            {
                writer.Write("<w:sdt><w:sdtContent>");
            }
            for (var i = 0; i < 100_000; i++)
            {
                writer.Write("</w:sdtContent></w:sdt>");
            }
        });
        var refused = Assert.Throws<UnreadableDocumentException>(() => DocxReader.Instance.Read(docx, IngestLimits.Default));
        output.WriteLine(refused.Reason);
        Assert.Equal(ProblemCodes.DocumentTooLarge, refused.Code);
        Assert.Equal("word/document.xml nests elements over 512 deep, over the limit of 512 (Ingestion:MaxNestingDepth)", refused.Reason);
    }

    [Fact]
    public void Docx_WithABillionLaughsDtd_IsRefusedAsCorrupt_WithoutExpandingIt()
    {
        var entities = new StringBuilder("<!DOCTYPE w:document [<!ENTITY a0 \"哈哈哈哈哈哈哈哈哈哈\">");
        for (var i = 1; i < 10; i++)
        {
            entities.Append($"<!ENTITY a{i} \"{string.Concat(Enumerable.Repeat($"&a{i - 1};", 10))}\">");
        }
        entities.Append("]>");
        var docx = Docx(writer => writer.Write("<w:p><w:r><w:t>&a9;</w:t></w:r></w:p>"), entities.ToString());
        var before = GC.GetAllocatedBytesForCurrentThread();
        var refused = Assert.Throws<UnreadableDocumentException>(() => DocxReader.Instance.Read(docx, IngestLimits.Default));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"{refused.Reason}; allocated {ArchiveGuard.Size(allocated)}");
        Assert.Equal(ProblemCodes.DocumentCorrupt, refused.Code);
        Assert.Contains("word/document.xml declares a DTD", refused.Reason, StringComparison.Ordinal);
        Assert.True(allocated < 16L * 1024 * 1024, $"allocated {ArchiveGuard.Size(allocated)}");
    }

    [Fact]
    public void Docx_OfOrdinarySize_PassesTheGuard_AndIsRead()
    {
        var docx = Docx(writer =>
        {
            for (var i = 0; i < 3_000; i++)
            {
                writer.Write(Paragraph);
            }
        });
        var lines = DocxReader.Instance.Read(docx, IngestLimits.Default).Lines;
        Assert.Equal(3_000, lines.Count);
        Assert.All(lines, l => Assert.Equal("推动高质量发展，坚持稳中求进工作总基调。", l.Text));
    }

    /// <summary>A minimal DOCX package whose body <paramref name="body"/> streams into the zip entry.</summary>
    private static byte[] Docx(Action<StreamWriter> body, string doctype = "")
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"));
            Entry(zip, "_rels/.rels", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"));
            Entry(zip, "word/document.xml", w =>
            {
                var start = DocumentStart;
                if (doctype.Length > 0)
                {
                    start = start.Insert(start.IndexOf("?>", StringComparison.Ordinal) + 2, doctype);
                }
                w.Write(start);
                body(w);
                w.Write(DocumentEnd);
            });
        }
        return stream.ToArray();
    }

    private static void Entry(ZipArchive zip, string name, Action<StreamWriter> write)
    {
        // The smallest size: repeated runs then compress about 1000×, as a crafted bomb does.
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false), 1 << 16);
        write(writer);
    }

    /// <summary>Writes <paramref name="size"/> as the uncompressed size of <paramref name="name"/> in the zip's local
    /// header (offset 22) and central directory record (offset 24).</summary>
    private static void Forge(byte[] zip, string name, uint size)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        for (var i = 0; i + 46 < zip.Length; i++)
        {
            var local = zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 3 && zip[i + 3] == 4;
            var central = zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2;
            var nameAt = local ? i + 30 : central ? i + 46 : -1;
            if (nameAt > 0 && nameAt + nameBytes.Length <= zip.Length && zip.AsSpan(nameAt, nameBytes.Length).SequenceEqual(nameBytes))
            {
                BitConverter.TryWriteBytes(zip.AsSpan(local ? i + 22 : i + 24, 4), size);
            }
        }
    }
}
