using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace XiqingSearch.Core.Indexing;

/// <summary>
/// An input whose bytes are in memory (a mapped commit file): the stored-fields decompressor reads the compressed
/// block from it as one span instead of a virtual call per byte.
/// </summary>
internal interface IMemoryInput
{
    /// <summary>The bytes from the current position to the end of the input.</summary>
    ReadOnlySpan<byte> Remaining { get; }

    /// <summary>Moves the position <paramref name="count"/> bytes on (at most <see cref="Remaining"/>'s length).</summary>
    void Skip(int count);
}

/// <summary>
/// The <c>Lucene46</c> codec with the same stored-fields format (<c>Lucene41StoredFields</c>: LZ4 blocks of 16 KB,
/// the same bytes written and read), whose decompressor decodes a block straight from a mapped commit. Showing a
/// hit reads its paragraph's stored fields, which means decompressing its block up to the paragraph; Lucene's LZ4
/// reads the block a byte at a time through the input's virtual <c>ReadByte</c> and copies every match with an
/// array copy, which was about 40% of a search showing a page of 10 (11 of 21% in a CPU profile of a page of 10
/// at 1×). Any other input (a build's files, a merge) is decompressed by Lucene's own decoder.
/// </summary>
[CodecName(LuceneFormats.CodecName)]
internal sealed class StoredFieldsCodec() : FilterCodec(new Lucene46Codec())
{
    private const int ChunkSize = 1 << 14;

    private readonly StoredFieldsFormat _storedFields =
        new CompressingStoredFieldsFormat("Lucene41StoredFields", new MemoryLz4Mode(), ChunkSize);

    public override StoredFieldsFormat StoredFieldsFormat => _storedFields;

    /// <summary>Lucene's <see cref="CompressionMode.FAST"/>: its compressor, and a decoder that reads memory directly.</summary>
    private sealed class MemoryLz4Mode : CompressionMode
    {
        private static readonly Decompressor s_decompressor = new MemoryLz4Decompressor();

        public override Compressor NewCompressor() => FAST.NewCompressor();

        public override Decompressor NewDecompressor() => s_decompressor;

        public override string ToString() => "FAST";
    }

    private sealed class MemoryLz4Decompressor : Decompressor
    {
        private static readonly Decompressor s_lucene = CompressionMode.FAST.NewDecompressor();

        public override void Decompress(DataInput input, int originalLength, int offset, int length, BytesRef bytes)
        {
            if (input is not IMemoryInput memory)
            {
                s_lucene.Decompress(input, originalLength, offset, length, bytes);
                return;
            }
            // The same 7 bytes of slack as Lucene's decoder, so the buffers it leaves are the same size.
            if (bytes.Bytes.Length < originalLength + 7)
            {
                bytes.Bytes = new byte[ArrayUtil.Oversize(originalLength + 7, 1)];
            }
            var decompressed = Lz4Block.Decode(memory.Remaining, offset + length, bytes.Bytes, out var consumed);
            if (decompressed > originalLength)
            {
                throw new CorruptIndexException($"Corrupted: lengths mismatch: {decompressed} > {originalLength} (resource={input})");
            }
            memory.Skip(consumed);
            bytes.Offset = offset;
            bytes.Length = length;
        }

        public override object Clone() => this;
    }
}

/// <summary>Lucene's LZ4 block format, decoded from a span.</summary>
internal static class Lz4Block
{
    private const int MinMatch = 4;

    /// <summary>
    /// Decodes sequences of <paramref name="source"/> into <paramref name="destination"/> until at least
    /// <paramref name="atLeast"/> bytes are out, exactly as Lucene's <c>LZ4.Decompress</c> does: the same bytes, the
    /// same count returned, and the same number of source bytes <paramref name="consumed"/> (a block of a large
    /// document is followed by the next, read from where this one stopped). A corrupt block ends in an exception
    /// (every read and write is bounds-checked), never in a read outside either buffer.
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> source, int atLeast, Span<byte> destination, out int consumed)
    {
        var s = 0;
        var d = 0;
        do
        {
            int token = source[s++];
            var literals = token >> 4;
            if (literals != 0)
            {
                if (literals == 0x0F)
                {
                    byte more;
                    while ((more = source[s++]) == 0xFF)
                    {
                        literals += 0xFF;
                    }
                    literals += more;
                }
                source.Slice(s, literals).CopyTo(destination.Slice(d, literals));
                s += literals;
                d += literals;
            }
            if (d >= atLeast)
            {
                break;
            }
            var distance = source[s] | (source[s + 1] << 8);
            s += 2;
            var matchLength = token & 0x0F;
            if (matchLength == 0x0F)
            {
                byte more;
                while ((more = source[s++]) == 0xFF)
                {
                    matchLength += 0xFF;
                }
                matchLength += more;
            }
            matchLength += MinMatch;
            var from = d - distance;
            if (distance <= 0 || from < 0)
            {
                throw new CorruptIndexException($"Corrupted LZ4 block: a match {distance} bytes back at {d}");
            }
            if (distance >= matchLength)
            {
                destination.Slice(from, matchLength).CopyTo(destination.Slice(d, matchLength));
                d += matchLength;
            }
            else
            {
                // The match overlaps what it writes (a repeat): byte by byte, each byte read after it is written.
                for (var end = d + matchLength; d < end; d++, from++)
                {
                    destination[d] = destination[from];
                }
            }
        }
        while (d < atLeast);
        consumed = s;
        return d;
    }
}
