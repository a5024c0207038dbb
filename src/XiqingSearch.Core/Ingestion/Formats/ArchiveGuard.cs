using System.IO.Compression;
using System.Xml;
using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Ingestion.Formats;

/// <summary>
/// Checks a zip-packaged document (DOCX) against <see cref="IngestLimits"/> before any parser builds a tree of it: a
/// few megabytes of zip can inflate to gigabytes (a zip bomb), and an XML part can nest without end or declare
/// entities that expand exponentially ("billion laughs"). First the central directory's declared sizes, then every
/// part is actually inflated through a counting stream into nothing (declared sizes can lie), its XML read with
/// DTDs prohibited and its depth counted. Memory stays bounded by a read buffer whatever the file holds; the
/// time is one inflation of at most <see cref="IngestLimits.MaxInflatedBytes"/>.
/// </summary>
internal static class ArchiveGuard
{
    /// <summary>Parts inflating to less than this are not judged by their compression ratio: small XML compresses
    /// 20–50×, a part of repeated runs even more, and at this size it cannot hurt.</summary>
    internal const long RatioFloorBytes = 8L * 1024 * 1024;

    /// <summary>Throws <see cref="UnreadableDocumentException"/> (<see cref="ProblemCodes.DocumentTooLarge"/>) naming the
    /// part and the limit when the archive in <paramref name="bytes"/> is over one of <paramref name="limits"/>.</summary>
    public static void Check(byte[] bytes, IngestLimits limits, string format)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            throw new UnreadableDocumentException(ProblemCodes.DocumentCorrupt, null,
                $"truncated or corrupt {format}: {e.Message}", e);
        }
        using (archive)
        {
            long declaredTotal = 0;
            foreach (var entry in archive.Entries)
            {
                if (entry.Length > limits.MaxPartBytes)
                {
                    throw OverLimit($"{entry.FullName} inflates to {Size(entry.Length)}, over the limit of "
                        + $"{Size(limits.MaxPartBytes)} (Ingestion:MaxPartBytes)");
                }
                if (entry.Length > RatioFloorBytes
                    && entry.Length > (double)Math.Max(1, entry.CompressedLength) * limits.MaxCompressionRatio)
                {
                    throw OverLimit($"{entry.FullName} inflates {entry.Length / Math.Max(1, entry.CompressedLength)}× "
                        + $"({Size(entry.CompressedLength)} to {Size(entry.Length)}), over the limit of "
                        + $"{limits.MaxCompressionRatio}× (Ingestion:MaxCompressionRatio)");
                }
                declaredTotal += entry.Length;
                if (declaredTotal > limits.MaxInflatedBytes)
                {
                    throw OverLimit($"its parts inflate to over {Size(declaredTotal)}, over the limit of "
                        + $"{Size(limits.MaxInflatedBytes)} (Ingestion:MaxInflatedBytes)");
                }
            }

            long inflatedTotal = 0;
            foreach (var entry in archive.Entries)
            {
                inflatedTotal += Inflate(entry, limits, limits.MaxInflatedBytes - inflatedTotal, format);
            }
        }
    }

    /// <summary>Inflates one part into nothing, counting; reads XML parts through a reader that refuses DTDs and
    /// counts depth. Returns the bytes it inflated to.</summary>
    private static long Inflate(ZipArchiveEntry entry, IngestLimits limits, long totalLeft, string format)
    {
        // The part may hold no more than it declared, nor more than the limits leave.
        var allowed = Math.Min(entry.Length, totalLeft);
        try
        {
            using var inflated = new CountingStream(entry.Open(), allowed);
            if (IsXml(entry.FullName))
            {
                ReadXml(inflated, entry.FullName, limits);
            }
            // Whatever the XML reader left unread (or all of a non-XML part) is inflated too, to count it.
            inflated.CopyTo(Stream.Null);
            return inflated.Count;
        }
        catch (CountingStream.LimitException)
        {
            // Declared sizes were within the limits, so either the parts together ran over the total, or this part
            // inflates to more than its entry declares.
            throw OverLimit(allowed == totalLeft && totalLeft < entry.Length
                ? $"its parts inflate to over {Size(limits.MaxInflatedBytes)} together, over the limit of "
                    + $"{Size(limits.MaxInflatedBytes)} (Ingestion:MaxInflatedBytes)"
                : $"{entry.FullName} inflates to more than the {Size(entry.Length)} its zip entry declares "
                    + "(a forged size: refused under Ingestion:MaxPartBytes)");
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.Ordinal))
        {
            throw new UnreadableDocumentException(ProblemCodes.DocumentCorrupt, null,
                $"corrupt {format}: {entry.FullName} declares a DTD, which Office documents never do "
                + "(entity expansion is refused)", e);
        }
        catch (XmlException e)
        {
            throw new UnreadableDocumentException(ProblemCodes.DocumentCorrupt, null,
                $"truncated or corrupt {format}: {entry.FullName}: {e.Message}", e);
        }
        catch (InvalidDataException e)
        {
            throw new UnreadableDocumentException(ProblemCodes.DocumentCorrupt, null,
                $"truncated or corrupt {format}: {entry.FullName}: {e.Message}", e);
        }
    }

    private static void ReadXml(Stream stream, string name, IngestLimits limits)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            CloseInput = false,
        };
        using var reader = XmlReader.Create(stream, settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth >= limits.MaxNestingDepth)
            {
                throw OverLimit($"{name} nests elements over {limits.MaxNestingDepth} deep, over the limit of "
                    + $"{limits.MaxNestingDepth} (Ingestion:MaxNestingDepth)");
            }
        }
    }

    private static bool IsXml(string name) =>
        name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);

    private static UnreadableDocumentException OverLimit(string reason) =>
        new(ProblemCodes.DocumentTooLarge, null, reason);

    /// <summary>A size as people read it: 1.15 GB, 256 MB, 3.3 MB, 12 KB.</summary>
    internal static string Size(long bytes)
    {
        const double K = 1024;
        var culture = CultureInfo.InvariantCulture;
        return bytes switch
        {
            >= 1L << 30 => (bytes / (K * K * K)).ToString("0.##", culture) + " GB",
            >= 1L << 20 => (bytes / (K * K)).ToString("0.##", culture) + " MB",
            >= 1L << 10 => (bytes / K).ToString("0.##", culture) + " KB",
            _ => bytes.ToString(culture) + " bytes",
        };
    }

    /// <summary>A read-only stream that counts what passes and throws once more than a limit has passed.</summary>
    private sealed class CountingStream(Stream inner, long limit) : Stream
    {
        public long Count { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => Count;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            Count += read;
            if (Count > limit)
            {
                throw new LimitException();
            }
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }

        internal sealed class LimitException : Exception
        {
        }
    }
}
