using XiqingSearch.Core.Analysis.SmartCn;
using XiqingSearch.Core.Indexing;

namespace XiqingSearch.Core.Tests.Indexing;

/// <summary><see cref="ParagraphDigest"/>: what the build stores per paragraph reads back as it was worked out.</summary>
public sealed class ParagraphDigestTests
{
    [Theory]
    [InlineData("天开西青园建设取得新进展。")]
    [InlineData("2024年，全区GDP增长 5.2%，新质生产力加快形成。")]
    [InlineData("")]
    public void DecodeWords_OfEncodedSmartCnWords_GivesTheSameOffsets(string text)
    {
        using var smartCn = new SmartCnAnalyzer(SmartCnDictionary.Shared(SmartCnOptions.For(null)));
        var words = ParagraphDigest.Words(smartCn, text);

        var decoded = ParagraphDigest.DecodeWords(ParagraphDigest.EncodeWords(words), text.Length);

        Assert.Equal(words, decoded);
        Assert.Equal(text.Length == 0, words.Count == 0);
    }

    [Fact]
    public void DecodeWords_OverlappingWords_RoundTrip()
    {
        List<(int Start, int End)> words = [(0, 4), (1, 3), (2, 6), (6, 7)];

        Assert.Equal(words, ParagraphDigest.DecodeWords(ParagraphDigest.EncodeWords(words), 7));
    }

    [Theory]
    [InlineData(new byte[] { 0x80 })]
    [InlineData(new byte[] { 0x02 })]
    [InlineData(new byte[] { 0x00, 0x09 })]
    public void DecodeWords_BytesThatAreNoWordListForTheText_IsNull(byte[] bytes)
    {
        Assert.Null(ParagraphDigest.DecodeWords(bytes, 8));
    }

    [Fact]
    public void Hash_EqualTexts_AreEqualAndOneCharacterChangesIt()
    {
        var a = ParagraphDigest.Hash("推动高质量发展");
        Assert.Equal(a, ParagraphDigest.Hash(new string("推动高质量发展".ToCharArray())));
        Assert.NotEqual(a, ParagraphDigest.Hash("推动高质量发屐"));
        Assert.NotEqual(a, ParagraphDigest.Hash("推动高质量发展 "));
    }

    [Fact]
    public void Characters_IgnoresWhitespace()
    {
        Assert.Equal(7, ParagraphDigest.Characters("全区 GDP\u3000增长"));
    }
}
