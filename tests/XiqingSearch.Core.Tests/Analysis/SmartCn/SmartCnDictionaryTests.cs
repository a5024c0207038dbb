using System.IO.Compression;
using XiqingSearch.Core.Analysis.SmartCn;
using XiqingSearch.Core.Results;

namespace XiqingSearch.Core.Tests.Analysis.SmartCn;

/// <summary>Dictionary loading (§12), the check values of §12.3/§12.4 and §7, errors, and the parsed-dictionary cache.</summary>
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
        Assert.Contains("liblucene8-java", ex.Problem.Message);
        Assert.Contains(SmartCnOptions.JarEnvironmentVariable, ex.Problem.Message);
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
    public void Shared_SameJar_ReturnsOneInstance() =>
        Assert.Same(SmartCnDictionary.Shared(SmartCnOptions.FromEnvironment()), SmartCnDictionary.Shared(SmartCnOptions.FromEnvironment()));

    [Fact]
    public void Load_WithCacheFolder_WritesThenReusesCache()
    {
        var options = SmartCnOptions.FromEnvironment(cacheDirectory: _folder);
        var first = SmartCnDictionary.Load(options);
        Assert.False(first.LoadedFromCache);
        Assert.True(File.Exists(Path.Combine(_folder, SmartCnCache.FileName)));

        var second = SmartCnDictionary.Load(options);
        Assert.True(second.LoadedFromCache);
        AssertSameContent(first, second);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public void Load_CorruptCache_IsIgnoredAndRewritten()
    {
        var options = SmartCnOptions.FromEnvironment(cacheDirectory: _folder);
        var reference = SmartCnDictionary.Load(options);
        var cachePath = Path.Combine(_folder, SmartCnCache.FileName);
        var bytes = File.ReadAllBytes(cachePath);
        bytes[bytes.Length / 2] ^= 0x5A;
        File.WriteAllBytes(cachePath, bytes);

        var afterCorruption = SmartCnDictionary.Load(options);
        Assert.False(afterCorruption.LoadedFromCache);
        AssertSameContent(reference, afterCorruption);
        Assert.True(SmartCnDictionary.Load(options).LoadedFromCache);

        File.WriteAllBytes(cachePath, bytes[..100]);
        Assert.False(SmartCnDictionary.Load(options).LoadedFromCache);
    }

    [Fact]
    public void Load_CacheOfAnotherJar_IsIgnoredAndRewritten()
    {
        var options = SmartCnOptions.FromEnvironment(cacheDirectory: _folder);
        var reference = SmartCnDictionary.Load(options);

        // Same dictionaries, different jar bytes (re-compressed): size and SHA-256 no longer match the cache.
        var otherJar = Path.Combine(_folder, "other.jar");
        using (var source = ZipFile.OpenRead(options.JarPath))
        using (var target = ZipFile.Open(otherJar, ZipArchiveMode.Create))
        {
            foreach (var name in new[] { SmartCnDictionary.CoreEntry, SmartCnDictionary.BigramEntry })
            {
                using var from = source.GetEntry(name)!.Open();
                using var to = target.CreateEntry(name, CompressionLevel.Fastest).Open();
                from.CopyTo(to);
            }
        }
        var otherOptions = new SmartCnOptions { JarPath = otherJar, CacheDirectory = _folder };
        var other = SmartCnDictionary.Load(otherOptions);
        Assert.False(other.LoadedFromCache);
        AssertSameContent(reference, other);
        Assert.True(SmartCnDictionary.Load(otherOptions).LoadedFromCache);
        Assert.False(SmartCnDictionary.Load(options).LoadedFromCache);
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
