using XiqingSearch.Core.Analysis.SmartCn;
using XiqingSearch.Core.Problems;

namespace XiqingSearch.Core.Tests.Analysis.SmartCn;

/// <summary>Dictionary loading (§12) from the package and from a jar, the check values of §12.3/§12.4 and §7, and errors.</summary>
public sealed class SmartCnDictionaryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("xiqing-smartcn-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("的", 358156)]
    [InlineData("中国", 23375)]
    [InlineData("发展", 21521)]
    [InlineData("人民政府", 490)]
    [InlineData("西青", 2)]
    [InlineData("未##串", 2963)]
    [InlineData("未##数", 113238)]
    [InlineData("始##始", 329805)]
    [InlineData("末##末", 329805)]
    [InlineData("不是词语呢", 0)]
    public void Freq_Word_MatchesSpecCheckValue(string word, int expected) =>
        Assert.Equal(expected, TestDictionary.Instance.Core.Freq(word));

    [Theory]
    [InlineData('中', 5029)]
    [InlineData('啊', 1410)]
    public void RowOf_Character_IsGb2312Row(char c, int expected) =>
        Assert.Equal(expected, TestDictionary.Instance.Core.RowOf(c));

    [Theory]
    [InlineData("中国@人民", 1202)]
    [InlineData("始##始@中国", 2696)]
    [InlineData("未##数@年", 5924)]
    [InlineData("社会@发展", 627)]
    [InlineData("的@发展", 3598)]
    [InlineData("发展@规划", 76)]
    public void BigramFreq_Pair_MatchesSpecCheckValue(string key, int expected) =>
        Assert.Equal(expected, TestDictionary.Instance.Bigram.Frequency(key));

    [Fact]
    public void EdgeWeight_ChinaToPeople_MatchesSpecBitForBit() =>
        Assert.Equal(3.049959276455844, HhmmSegmenter.EdgeWeight(23375, 1202));

    [Fact]
    public void PrefixMatch_WordPrefix_FindsFirstEntry()
    {
        var core = TestDictionary.Instance.Core;
        var f = core.PrefixMatch("中华", 0);
        Assert.True(f >= 0);
        Assert.Equal(-1, core.PrefixMatch("中喵", 0));
    }

    [Fact]
    public void Load_MissingJar_ThrowsJarMissingWithInstructions()
    {
        var path = Path.Combine(_folder, "absent", "lucene-analyzers-smartcn.jar");
        var ex = Assert.Throws<XiqingException>(() => SmartCnDictionary.Load(new SmartCnOptions { JarPath = path }));
        Assert.Equal(ProblemCodes.SmartCnJarMissing, ex.Problem.Code);
        Assert.Contains("Lucene.Net.Analysis.SmartCn", ex.Problem.Message);
        Assert.Contains("smartCnJar", ex.Problem.Message);
        Assert.Contains(path, ex.Problem.Message);
    }

    [Fact]
    public void Analyzer_MissingJar_ConstructsThenThrowsOnFirstUse()
    {
        var analyzer = new SmartCnAnalyzer(new SmartCnOptions { JarPath = Path.Combine(_folder, "none.jar") });
        var ex = Assert.Throws<XiqingException>(() => AnalyzedToken.Analyze(analyzer, "中国"));
        Assert.Equal(ProblemCodes.SmartCnJarMissing, ex.Problem.Code);
    }

    [Fact]
    public void Load_NotAJar_ThrowsJarInvalid()
    {
        var path = Path.Combine(_folder, "bad.jar");
        File.WriteAllText(path, "not a zip");
        var ex = Assert.Throws<XiqingException>(() => SmartCnDictionary.Load(new SmartCnOptions { JarPath = path }));
        Assert.Equal(ProblemCodes.SmartCnJarInvalid, ex.Problem.Code);
    }

    [Fact]
    public void Shared_SameSource_ReturnsOneInstance() =>
        Assert.Same(SmartCnDictionary.Shared(new SmartCnOptions { JarPath = null }), SmartCnDictionary.Shared(new SmartCnOptions { JarPath = null }));

    [Fact]
    public void Load_Package_NeedsNoJar()
    {
        var dictionary = SmartCnDictionary.Load(new SmartCnOptions { JarPath = null });
        Assert.Contains("Lucene.Net.Analysis.SmartCn", dictionary.Source, StringComparison.Ordinal);
        Assert.Equal(ExpectedCoreEntries, dictionary.Core.Frequencies.Length);
        Assert.Equal(23375, dictionary.Core.Freq("中国"));
        Assert.Equal(1202, dictionary.Bigram.Frequency("中国@人民"));
    }

    [Fact]
    public void Options_BlankJarMeansThePackage()
    {
        Assert.Equal("/x/y.jar", SmartCnOptions.For("/x/y.jar").JarPath);
        Assert.Null(SmartCnOptions.For(null).JarPath);
        Assert.Null(SmartCnOptions.For("  ").JarPath);
    }

    [Fact]
    public void ReadCore_TruncatedLayout_NamesTheByte()
    {
        var bytes = ReadResource(PackageDictionaryReader.CoreResource);
        var ex = Assert.Throws<InvalidDataException>(() => PackageDictionaryReader.ReadCore(bytes[..(bytes.Length / 2)]));
        Assert.Contains("byte", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCore_BrokenUtf8_NamesTheByte()
    {
        var bytes = ReadResource(PackageDictionaryReader.CoreResource);
        // The first slot character follows the slot-row table: 4 + 2·n bytes, then the char table's length.
        var slots = BitConverter.ToInt32(bytes, 0);
        var firstChar = 4 + (2 * slots) + 4;
        bytes[firstChar] = 0xFF;
        var ex = Assert.Throws<InvalidDataException>(() => PackageDictionaryReader.ReadCore(bytes));
        Assert.Contains($"byte {firstChar}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCore_TrailingBytes_AreRefused()
    {
        var bytes = ReadResource(PackageDictionaryReader.CoreResource);
        Assert.Throws<InvalidDataException>(() => PackageDictionaryReader.ReadCore([.. bytes, 0]));
    }

    [Fact]
    public void PackageStopwords_AreAllDelimiters_SoTheStopRuleHolds()
    {
        // §11 replaces the stop set by "drop every DELIM token"; that holds only while every entry is one
        // delimiter or space-like unit (or empty).
        var entries = PackageDictionaryReader.ReadStopwordLines()
            .Where(l => !l.StartsWith("//", StringComparison.Ordinal))
            .Select(l => l.Trim(Enumerable.Range(0, 0x21).Select(i => (char)i).ToArray()))
            .ToList();
        Assert.Contains("，", entries);
        Assert.Contains("。", entries);
        Assert.All(entries, e => Assert.True(e.Length == 0 || (e.Length == 1 && CharType.Of(e[0]) is CharType.Delimiter or CharType.SpaceLike),
            $"stop word '{e}' is not a single delimiter"));
    }

    // Entries in the core dictionary (every row's words), as both sources hold them.
    private const int ExpectedCoreEntries = 85607;

    private static byte[] ReadResource(string name)
    {
        using var stream = PackageDictionaryReader.PackageAssembly.GetManifestResourceStream(name)!;
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static void AssertSameContent(SmartCnDictionary expected, SmartCnDictionary actual)
    {
        Assert.Equal(expected.Core.RowOfCharTable, actual.Core.RowOfCharTable);
        Assert.Equal(expected.Core.RowStarts, actual.Core.RowStarts);
        Assert.Equal(expected.Core.EntryStarts, actual.Core.EntryStarts);
        Assert.Equal(expected.Core.Pool, actual.Core.Pool);
        Assert.Equal(expected.Core.Frequencies, actual.Core.Frequencies);
        Assert.Equal(expected.Bigram.Table, actual.Bigram.Table);
        Assert.Equal(expected.Bigram.Frequencies, actual.Bigram.Frequencies);
        Assert.Equal(23375, actual.Core.Freq("中国"));
        Assert.Equal(1202, actual.Bigram.Frequency("中国@人民"));
    }
}
