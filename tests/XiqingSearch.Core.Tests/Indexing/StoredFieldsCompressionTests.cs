using System.Text;
using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Tests.Ingestion;

namespace XiqingSearch.Core.Tests.Indexing;

public sealed class StoredFieldsCompressionTests
{
    /// <summary>Blocks as the stored-fields writer makes them: Lucene's own LZ4 compressor.</summary>
    private static byte[] Compress(byte[] data)
    {
        var output = new byte[data.Length + (data.Length / 255) + 64];
        var writer = new Lucene.Net.Store.ByteArrayDataOutput(output);
        CompressionMode.FAST.NewCompressor().Compress(data, 0, data.Length, writer);
        return output[..writer.Position];
    }

    /// <summary>Lucene's decoder: the bytes out, their count, and how many compressed bytes it read.</summary>
    private static (byte[] Bytes, int Count, int Consumed) Lucene(byte[] compressed, int atLeast, int size)
    {
        var input = new Lucene.Net.Store.ByteArrayDataInput(compressed);
        var bytes = new byte[size + 7];
        var count = LZ4.Decompress(input, atLeast, bytes, 0);
        return (bytes, count, input.Position);
    }

    public static TheoryData<string> Texts()
    {
        // A real policy text (Chinese prose compresses poorly: long literals, short matches), and repeats.
        var seed = File.ReadAllText(Directory.GetFiles(SeedsFolder.Path, "*.txt").Order(StringComparer.Ordinal).First());
        return new TheoryData<string>
        {
            seed[..Math.Min(seed.Length, 6000)],
            string.Concat(Enumerable.Repeat("哈", 3000)),
            string.Concat(Enumerable.Repeat("ab", 5000)) + "tail",
            "短",
            string.Concat(Enumerable.Range(0, 2000).Select(i => (char)('一' + ((i * 7919) % 20000)))),
        };
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Decode_BlocksOfLucenesCompressor_SameBytesCountAndPositionAsLucenesDecoder(string text)
    {
        var data = Encoding.UTF8.GetBytes(text);
        var compressed = Compress(data);
        foreach (var atLeast in new[] { 1, data.Length / 3, data.Length / 2 + 1, data.Length }.Where(n => n >= 1).Distinct())
        {
            var expected = Lucene(compressed, atLeast, data.Length);
            var actual = new byte[data.Length + 7];
            var count = Lz4Block.Decode(compressed, atLeast, actual, out var consumed);

            Assert.Equal(expected.Count, count);
            Assert.Equal(expected.Consumed, consumed);
            Assert.True(count >= atLeast);
            Assert.Equal(data.AsSpan(0, count).ToArray(), actual.AsSpan(0, count).ToArray());
        }
    }

    [Fact]
    public void Decode_MatchBeforeTheStart_ThrowsCorruptIndex()
    {
        // A token with no literals and a match 5 bytes back, at the very start: nothing to copy from.
        byte[] corrupt = [0x00, 0x05, 0x00, 0x10];

        Assert.Throws<Lucene.Net.Index.CorruptIndexException>(() => Lz4Block.Decode(corrupt, 8, new byte[32], out _));
    }

    [Fact]
    public void Decode_TruncatedBlock_ThrowsInsteadOfReadingPastIt()
    {
        var compressed = Compress(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("西青区高质量发展", 200))));

        Assert.ThrowsAny<IndexOutOfRangeException>(() => Lz4Block.Decode(compressed.AsSpan(0, compressed.Length / 2), 3200, new byte[4000], out _));
    }

    [Fact]
    public void Codec_ReadsAndWritesTheLucene46StoredFieldsFormat_AndHitsShowTheirStoredText()
    {
        var codec = Codec.ForName(LuceneFormats.CodecName);
        Assert.IsType<StoredFieldsCodec>(codec);
        Assert.IsType<CompressingStoredFieldsFormat>(codec.StoredFieldsFormat);

        using var work = new TempWorkspace();
        IndexBuilder.Build(work.Options).ValueOrThrow();
        using var engine = SearchEngine.Open(work.Options).ValueOrThrow();
        var hits = engine.Search(new SearchRequest { Query = "\"发展\"", Limit = 50 }).ValueOrThrow().Hits;

        Assert.NotEmpty(hits);
        foreach (var hit in hits)
        {
            // The text came through the mapped commit's decoder: every highlight is the phrase in it.
            Assert.NotEmpty(hit.Highlights);
            Assert.All(hit.Highlights, h => Assert.Equal("发展", hit.Text[h.Start..h.End]));
            Assert.True(hit.FirstLine >= 1 && hit.LastLine >= hit.FirstLine);
        }
    }
}
