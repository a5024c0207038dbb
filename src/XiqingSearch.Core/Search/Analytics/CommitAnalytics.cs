using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using XiqingSearch.Core.Search.Commit;

namespace XiqingSearch.Core.Search.Analytics;

/// <summary>
/// The analytics file written beside a commit by the build (<c>analytics_GEN.xqa</c> in the index folder, GEN the
/// commit's generation): what new-terms, suggestions and compare's sizes otherwise work out per commit in every
/// process — each document's part of the commit's distinct texts (<see cref="CommitDigests"/>), the suggestion
/// entries of the whole commit, and new-terms' rankings and search counts of the whole commit — so that a fresh
/// process answers the first request in milliseconds. Sections are independent byte ranges, each written and read
/// by its owner. The file is named after its commit and checked on reading (magic, format version, generation,
/// paragraphs, documents, a checksum of every byte): a missing, damaged or foreign file is ignored and the answers
/// are worked out in memory as before, so an index written without it serves the same answers.
/// </summary>
internal sealed class CommitAnalytics
{
    /// <summary>Raised when what a section holds changes; a file of another version is ignored.</summary>
    public const int FormatVersion = 1;

    private const string Prefix = "analytics_";
    private const string Extension = ".xqa";
    private const uint Magic = 0x4E415158; // "XQAN"
    private const int HeaderBytes = 4 + 4 + 8 + 4 + 4 + 4;

    /// <summary>By commit table: where its file would be and what the table is (attached by the engine).</summary>
    private static readonly ConditionalWeakTable<ParagraphTable, Lazy<CommitAnalytics?>> PerCommit = [];

    private readonly byte[] _bytes;
    private readonly Dictionary<AnalyticsSection, (int Start, int Length)> _sections;

    private CommitAnalytics(byte[] bytes, Dictionary<AnalyticsSection, (int Start, int Length)> sections)
    {
        _bytes = bytes;
        _sections = sections;
    }

    /// <summary>The file's name for commit generation <paramref name="generation"/>.</summary>
    public static string FileName(long generation) => Prefix + generation.ToString(System.Globalization.CultureInfo.InvariantCulture) + Extension;

    /// <summary>
    /// Tells where the commit of <paramref name="table"/> (a commit's own table) lives, so its file is looked for
    /// there on first use. Called by the engine before each answer that reads analytics; only the first call per
    /// commit counts.
    /// </summary>
    public static void Attach(ParagraphTable table, string folder) =>
        PerCommit.GetValue(table.Base, t => new Lazy<CommitAnalytics?>(() => Open(t, folder)));

    /// <summary>The file of <paramref name="table"/>'s commit, or null (none attached, missing, damaged or of another commit).</summary>
    public static CommitAnalytics? Of(ParagraphTable table) =>
        PerCommit.TryGetValue(table.Base, out var file) ? file.Value : null;

    /// <summary>Section <paramref name="id"/>'s bytes, or null when the file has none.</summary>
    public ReadOnlyMemory<byte>? Section(AnalyticsSection id) =>
        _sections.TryGetValue(id, out var range) ? _bytes.AsMemory(range.Start, range.Length) : null;

    /// <summary>The generation of the commit <paramref name="table"/> was read from (-1 when it is not a directory's commit).</summary>
    public static long GenerationOf(ParagraphTable table) =>
        table.Base.Rows.FirstOrDefault()?.Reader is DirectoryReader reader ? reader.IndexCommit.Generation : -1;

    /// <summary>
    /// Writes the file for <paramref name="table"/>'s commit into <paramref name="folder"/>: to a temporary name,
    /// then renamed, so a reader finds the whole file or none; the files of other commits are then deleted.
    /// Returns the file's path and size.
    /// </summary>
    public static (string Path, long Bytes) Write(string folder, ParagraphTable table, IReadOnlyList<(AnalyticsSection Id, byte[] Bytes)> sections)
    {
        var generation = GenerationOf(table);
        var length = HeaderBytes + sections.Count * 12 + sections.Sum(s => s.Bytes.Length) + 8;
        var bytes = new byte[length];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], FormatVersion);
        BinaryPrimitives.WriteInt64LittleEndian(span[8..], generation);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], MaxDocOf(table));
        BinaryPrimitives.WriteInt32LittleEndian(span[20..], table.Base.AllDocuments.Count);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], sections.Count);
        var at = HeaderBytes;
        foreach (var (id, payload) in sections)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], (int)id);
            BinaryPrimitives.WriteInt64LittleEndian(span[(at + 4)..], payload.Length);
            at += 12;
        }
        foreach (var (_, payload) in sections)
        {
            payload.CopyTo(span[at..]);
            at += payload.Length;
        }
        BinaryPrimitives.WriteUInt64LittleEndian(span[at..], Checksum(span[..at]));

        var path = Path.Combine(folder, FileName(generation));
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
        foreach (var old in Directory.EnumerateFiles(folder, Prefix + "*" + Extension + "*"))
        {
            if (!string.Equals(Path.GetFileName(old), Path.GetFileName(path), StringComparison.Ordinal))
            {
                TryDelete(old);
            }
        }
        return (path, length);
    }

    /// <summary>The file for <paramref name="table"/>'s commit in <paramref name="folder"/>, checked; null when it is missing or does not belong to it.</summary>
    private static CommitAnalytics? Open(ParagraphTable table, string folder)
    {
        var generation = GenerationOf(table);
        if (generation < 0)
        {
            return null;
        }
        byte[] bytes;
        try
        {
            // One sequential read: the file is a few bytes a paragraph.
            bytes = File.ReadAllBytes(Path.Combine(folder, FileName(generation)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return Parse(bytes, generation, MaxDocOf(table), table.Base.AllDocuments.Count);
    }

    /// <summary>The file's sections when <paramref name="bytes"/> are a whole, undamaged file of this commit; else null.</summary>
    internal static CommitAnalytics? Parse(byte[] bytes, long generation, int maxDoc, int documents)
    {
        var span = bytes.AsSpan();
        if (bytes.Length < HeaderBytes + 8
            || BinaryPrimitives.ReadUInt64LittleEndian(span[^8..]) != Checksum(span[..^8])
            || BinaryPrimitives.ReadUInt32LittleEndian(span) != Magic
            || BinaryPrimitives.ReadInt32LittleEndian(span[4..]) != FormatVersion
            || BinaryPrimitives.ReadInt64LittleEndian(span[8..]) != generation
            || BinaryPrimitives.ReadInt32LittleEndian(span[16..]) != maxDoc
            || BinaryPrimitives.ReadInt32LittleEndian(span[20..]) != documents)
        {
            return null;
        }
        var count = BinaryPrimitives.ReadInt32LittleEndian(span[24..]);
        if (count < 0 || count > 64 || HeaderBytes + (long)count * 12 > bytes.Length - 8)
        {
            return null;
        }
        var sections = new Dictionary<AnalyticsSection, (int Start, int Length)>();
        long at = HeaderBytes + count * 12;
        for (var i = 0; i < count; i++)
        {
            var id = (AnalyticsSection)BinaryPrimitives.ReadInt32LittleEndian(span[(HeaderBytes + i * 12)..]);
            var length = BinaryPrimitives.ReadInt64LittleEndian(span[(HeaderBytes + i * 12 + 4)..]);
            if (length < 0 || at + length > bytes.Length - 8)
            {
                return null;
            }
            sections[id] = ((int)at, (int)length);
            at += length;
        }
        return at == bytes.Length - 8 ? new CommitAnalytics(bytes, sections) : null;
    }

    /// <summary>
    /// Reads a section with <paramref name="read"/>; a section that does not parse (a fault the checksum missed,
    /// or a writer's bug) gives null, so the caller works the answer out in memory.
    /// </summary>
    public static T? TryRead<T>(ParagraphTable table, AnalyticsSection section, Func<BinaryReader, T?> read)
        where T : class
    {
        if (Of(table)?.Section(section) is not { } bytes)
        {
            return null;
        }
        try
        {
            if (!System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var array))
            {
                return null;
            }
            using var stream = new MemoryStream(array.Array!, array.Offset, array.Count, writable: false);
            using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8);
            var value = read(reader);
            return stream.Position == stream.Length ? value : null;
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException or FormatException
            or ArgumentException or IndexOutOfRangeException or OverflowException or System.Text.DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>A section's bytes made by <paramref name="write"/>.</summary>
    public static byte[] Bytes(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            write(writer);
        }
        return stream.ToArray();
    }

    private static int MaxDocOf(ParagraphTable table) => table.Base.Rows.FirstOrDefault()?.Reader.MaxDoc ?? 0;

    /// <summary>FNV-1a over 8-byte words (then the tail): a damaged or cut file is told from a whole one.</summary>
    // Runs once per commit over the whole section: compiled optimised at once rather than first at the JIT's lowest tier.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong Checksum(ReadOnlySpan<byte> bytes)
    {
        const ulong prime = 1099511628211;
        var hash = 14695981039346656037UL;
        var words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(bytes[..(bytes.Length & ~7)]);
        foreach (var word in words)
        {
            hash = (hash ^ word) * prime;
            hash ^= hash >> 29;
        }
        foreach (var b in bytes[(bytes.Length & ~7)..])
        {
            hash = (hash ^ b) * prime;
        }
        return hash;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Still open elsewhere (Windows) or not ours to delete: the next build tries again.
        }
    }
}

/// <summary>The parts of the analytics file (<see cref="CommitAnalytics"/>), each written and read by its owner; the number is what the file stores.</summary>
internal enum AnalyticsSection
{
    /// <summary>Each document's rows and their distinct texts (<see cref="CommitDigests"/>).</summary>
    Digests = 1,

    /// <summary>The suggestion entries of the whole commit.</summary>
    Suggestions = 2,

    /// <summary>New-terms' rankings and confirmation counts of the whole commit.</summary>
    NewTerms = 3,
}
