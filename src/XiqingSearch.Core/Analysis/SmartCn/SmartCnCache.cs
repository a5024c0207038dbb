using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace XiqingSearch.Core.Analysis.SmartCn;

/// <summary>
/// The parsed-dictionary cache: the flat tables of <see cref="CoreDictionary"/> and
/// <see cref="BigramDictionary"/> as raw little-endian arrays, keyed by the jar's size and SHA-256 and closed
/// by a checksum. Reading it skips the deflate and the Java deserialization (§12). It is written atomically
/// (temporary file, then rename), and a cache that is corrupt or belongs to another jar is ignored.
/// </summary>
internal static class SmartCnCache
{
    /// <summary>The cache file's name inside the cache folder.</summary>
    public const string FileName = "smartcn.cache";

    private const ulong Magic = 0x3143534751495858UL; // "XXIQGSC1" read little-endian
    private const int FormatVersion = 1;
    private const int HeaderLength = 8 + 4 + 8 + 32;

    /// <summary>The dictionary in the cache at <paramref name="path"/>, or null when there is none, it is
    /// corrupt, or it was made from a different jar.</summary>
    public static SmartCnDictionary? TryRead(string path, long jarLength, ReadOnlySpan<byte> jarHash)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        try
        {
            return Parse(bytes, jarLength, jarHash);
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or IndexOutOfRangeException
                                       or OverflowException)
        {
            return null;
        }
    }

    private static SmartCnDictionary? Parse(byte[] bytes, long jarLength, ReadOnlySpan<byte> jarHash)
    {
        var span = bytes.AsSpan();
        if (span.Length < HeaderLength + 8
            || BinaryPrimitives.ReadUInt64LittleEndian(span) != Magic
            || BinaryPrimitives.ReadInt32LittleEndian(span[8..]) != FormatVersion
            || BinaryPrimitives.ReadInt64LittleEndian(span[12..]) != jarLength
            || !span.Slice(20, 32).SequenceEqual(jarHash))
        {
            return null;
        }
        var body = span[..^8];
        if (Checksum(body) != BinaryPrimitives.ReadUInt64LittleEndian(span[^8..]))
        {
            return null;
        }
        var position = HeaderLength;
        var rowOfChar = ReadArray<short>(body, ref position);
        var rowStart = ReadArray<int>(body, ref position);
        var entryStart = ReadArray<int>(body, ref position);
        var pool = ReadArray<char>(body, ref position);
        var coreFrequencies = ReadArray<int>(body, ref position);
        var table = ReadArray<long>(body, ref position);
        var bigramFrequencies = ReadArray<int>(body, ref position);
        if (position != body.Length)
        {
            return null;
        }
        return new SmartCnDictionary(
            new CoreDictionary(rowOfChar, rowStart, entryStart, pool, coreFrequencies),
            new BigramDictionary(table, bigramFrequencies));
    }

    /// <summary>Writes the cache for <paramref name="dictionary"/>; failures (read-only folder, full disk) are
    /// ignored because the cache is only an optimisation.</summary>
    public static void TryWrite(string path, long jarLength, ReadOnlySpan<byte> jarHash, SmartCnDictionary dictionary)
    {
        var core = dictionary.Core;
        var bigram = dictionary.Bigram;
        using var buffer = new MemoryStream();
        Span<byte> header = stackalloc byte[HeaderLength];
        BinaryPrimitives.WriteUInt64LittleEndian(header, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], FormatVersion);
        BinaryPrimitives.WriteInt64LittleEndian(header[12..], jarLength);
        jarHash.CopyTo(header[20..]);
        buffer.Write(header);
        WriteArray<short>(buffer, core.RowOfCharTable);
        WriteArray<int>(buffer, core.RowStarts);
        WriteArray<int>(buffer, core.EntryStarts);
        WriteArray<char>(buffer, core.Pool);
        WriteArray<int>(buffer, core.Frequencies);
        WriteArray<long>(buffer, bigram.Table);
        WriteArray<int>(buffer, bigram.Frequencies);
        Span<byte> checksum = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(checksum, Checksum(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        buffer.Write(checksum);

        var temporary = path + "." + Environment.ProcessId + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                file.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: a stray temporary file is harmless.
        }
    }

    private static void WriteArray<T>(Stream stream, T[] array) where T : unmanaged
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, array.Length);
        stream.Write(length);
        // The cache is written and read on little-endian machines only (x64, arm64); the magic would not
        // match on a big-endian one, and the cache would simply be rebuilt.
        stream.Write(MemoryMarshal.AsBytes(array.AsSpan()));
    }

    private static T[] ReadArray<T>(ReadOnlySpan<byte> body, ref int position) where T : unmanaged
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(body[position..]);
        position += 4;
        var byteCount = checked(count * System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        if (count < 0 || byteCount > body.Length - position)
        {
            throw new InvalidDataException("Cache array runs past the end.");
        }
        var result = MemoryMarshal.Cast<byte, T>(body.Slice(position, byteCount)).ToArray();
        position += byteCount;
        return result;
    }

    // A cheap 64-bit checksum (multiply-xor over 8-byte words, then the tail bytes): it catches truncation
    // and stray bytes; it is not a cryptographic guarantee, the SHA-256 of the jar keys the content.
    private static ulong Checksum(ReadOnlySpan<byte> data)
    {
        var words = MemoryMarshal.Cast<byte, ulong>(data);
        var h = 0x9E3779B97F4A7C15UL;
        unchecked
        {
            foreach (var w in words)
            {
                h = (h ^ w) * 0x100000001B3UL;
                h ^= h >> 29;
            }
            foreach (var b in data[(words.Length * 8)..])
            {
                h = (h ^ b) * 0x100000001B3UL;
            }
        }
        return h;
    }
}
