using System.Text;
using XiqingSearch.Core.Analysis.SmartCn;

namespace XiqingSearch.Core.Tests.Analysis.SmartCn;

/// <summary>
/// The package's dictionaries against the Java jar's, where a jar is on the machine: every core entry, every
/// bigram slot, and the analyzer's tokens on texts full of the punctuation the two decoders spell differently.
/// </summary>
public sealed class PackageAndJarTests
{
    private static readonly Lazy<(SmartCnDictionary Package, SmartCnDictionary Jar)> s_pair = new(() => (
        SmartCnDictionary.Load(new SmartCnOptions { JarPath = null }),
        SmartCnDictionary.Load(new SmartCnOptions { JarPath = JarLocation.Find() })));

    // What Java's decoder gave for bytes it could not decode; the package has other units there.
    private const char JavaUndefined = '\uFFFD';
    private static readonly char[] s_packageUndefined = PackageDictionaryReader.JavaUndecodable;

    [JarFact]
    public void CoreDictionary_EveryEntryEqual()
    {
        // The package's data holds a few units as .NET decoded them; the reader spells them as Java did, so the
        // whole table is the jar's: the character-to-row map, every row's words in order, every frequency.
        var (package, jar) = s_pair.Value;
        Assert.Equal(jar.Source, JarLocation.Find());
        Assert.StartsWith("Lucene.Net.Analysis.SmartCn 4.8.0-beta00017", package.Source, StringComparison.Ordinal);
        Assert.Equal(jar.Core.RowOfCharTable, package.Core.RowOfCharTable);
        Assert.Equal(jar.Core.RowStarts, package.Core.RowStarts);
        Assert.Equal(jar.Core.EntryStarts, package.Core.EntryStarts);
        Assert.Equal(jar.Core.Pool, package.Core.Pool);
        Assert.Equal(jar.Core.Frequencies, package.Core.Frequencies);
        Assert.Equal(0, package.Core.Freq("朱镕基"));
    }

    [JarFact]
    public void BigramDictionary_EverySlotEqual_ModuloTheDecoderDifferences()
    {
        var (package, jar) = s_pair.Value;
        var jarEntries = Entries(jar.Bigram);
        var packageEntries = Entries(package.Bigram);
        Assert.Equal(jarEntries.Count, packageEntries.Count);
        var jarOnly = jarEntries.Keys.Where(h => !packageEntries.ContainsKey(h)).ToHashSet();
        var packageOnly = packageEntries.Keys.Where(h => !jarEntries.ContainsKey(h)).ToHashSet();
        foreach (var h in jarEntries.Keys.Where(packageEntries.ContainsKey))
        {
            Assert.Equal(jarEntries[h], packageEntries[h]);
        }

        // Every hash only one side has must be a pair whose text holds a differently decoded unit, and the other
        // side must hold the same pair, spelled its way, with the same frequency. The pairs' halves are the
        // dictionary's words, the special keys and the punctuation units.
        var words = Words(jar).ToList();
        var affected = words.Where(w => w.Any(u => u == JavaUndefined || PackageDictionaryReader.JavaToPackage.ContainsKey(u))).ToList();
        var matchedJar = new HashSet<long>();
        var matchedPackage = new HashSet<long>();
        foreach (var a in affected)
        {
            foreach (var w in words)
            {
                foreach (var pair in new[] { a + "@" + w, w + "@" + a })
                {
                    var jh = Hash(pair);
                    if (!jarOnly.Contains(jh))
                    {
                        continue;
                    }
                    foreach (var spelled in PackageSpellings(pair))
                    {
                        var ph = Hash(spelled);
                        if (packageOnly.Contains(ph) && packageEntries[ph] == jarEntries[jh])
                        {
                            matchedJar.Add(jh);
                            matchedPackage.Add(ph);
                        }
                    }
                }
            }
        }
        Assert.True(jarOnly.SetEquals(matchedJar), $"{jarOnly.Count - matchedJar.Count} of {jarOnly.Count} jar-only bigram slots unexplained");
        Assert.True(packageOnly.SetEquals(matchedPackage), $"{packageOnly.Count - matchedPackage.Count} of {packageOnly.Count} package-only bigram slots unexplained");
    }

    // Java Lucene 8.8's tokens (the peer's `run.sh tokens`) where the package's data, read as it is, would differ:
    // its bigram table holds pairs with U+2014 (Java: U+2015), and it knows the word 朱镕基 (Java cannot decode 镕).
    [Theory]
    [InlineData("一级―级的", "一[0,1)+1 级[1,2)+1 级[3,4)+2 的[4,5)+1")]
    [InlineData("一级—级的", "一级[0,2)+1 级[3,4)+2 的[4,5)+1")]
    [InlineData("一级·级的", "一级[0,2)+1 级[3,4)+2 的[4,5)+1")]
    [InlineData("朱镕基同志", "朱[0,1)+1 镕[1,2)+1 基[2,3)+1 同志[3,5)+1")]
    public void Analyzer_Package_SpellsAsJava_WhereTheDecodersDiffer(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', AnalyzedToken.Analyze(TestDictionary.Analyzer(), text)));

    [JarFact]
    public void Analyzer_PackageAndJar_GiveTheSameTokens_AroundEveryPunctuationMark()
    {
        var (package, jar) = s_pair.Value;
        var fromPackage = new SmartCnAnalyzer(package);
        var fromJar = new SmartCnAnalyzer(jar);
        var seeds = Directory.GetFiles(Path.Combine(Testing.RepositoryRoot.Path, "seeds"), "*.txt")
            .SelectMany(f => File.ReadAllLines(f, Encoding.UTF8)).Where(l => l.Length > 0).ToList();
        // Each mark between every pair of neighbouring sentences' words, so edge weights into and out of it count.
        var marks = new[] { "·", "—", "——", "―", "・", "\uFFFD", "，", "镕", "珮", "豊", "緒", "\uE810" };
        var texts = seeds.Take(400).SelectMany((line, i) => new[]
        {
            line,
            line.Replace("，", marks[i % marks.Length], StringComparison.Ordinal),
            line.Replace("的", "的" + marks[(i + 3) % marks.Length], StringComparison.Ordinal),
        });
        foreach (var text in texts)
        {
            Assert.Equal(AnalyzedToken.Analyze(fromJar, text), AnalyzedToken.Analyze(fromPackage, text));
        }
    }

    // The ways the package may spell a Java string: each mapped unit replaced, U+FFFD by any unit Java could not
    // decode.
    private static IEnumerable<string> PackageSpellings(string java)
    {
        var mapped = new StringBuilder(java.Length);
        foreach (var u in java)
        {
            mapped.Append(PackageDictionaryReader.JavaToPackage.TryGetValue(u, out var p) ? p : u);
        }
        var text = mapped.ToString();
        return text.Contains(JavaUndefined, StringComparison.Ordinal)
            ? s_packageUndefined.Select(p => text.Replace(JavaUndefined, p))
            : [text];
    }

    private static Dictionary<long, int> Entries(BigramDictionary bigram)
    {
        var entries = new Dictionary<long, int>();
        for (var i = 0; i < bigram.Table.Length; i++)
        {
            if (bigram.Table[i] != 0)
            {
                entries.Add(bigram.Table[i], bigram.Frequencies[i]);
            }
        }
        return entries;
    }

    private static IEnumerable<string> Words(SmartCnDictionary dictionary)
    {
        var core = dictionary.Core;
        var firstOfRow = new Dictionary<int, List<char>>();
        for (var c = 0; c < 65536; c++)
        {
            var row = core.RowOf((char)c);
            if (row >= 0)
            {
                (firstOfRow.TryGetValue(row, out var list) ? list : firstOfRow[row] = []).Add((char)c);
            }
        }
        foreach (var (row, firsts) in firstOfRow)
        {
            foreach (var first in firsts)
            {
                for (var e = core.RowStarts[row]; e < core.RowStarts[row + 1]; e++)
                {
                    yield return first + new string(core.Pool, core.EntryStarts[e], core.EntryStarts[e + 1] - core.EntryStarts[e]);
                }
            }
        }
        foreach (var special in new[] { "始##始", "末##末", "未##串", "未##数" })
        {
            yield return special;
        }
        for (var c = 0x21; c < 0x10000; c++)
        {
            if (CharType.Of((char)c) == CharType.Delimiter || c == JavaUndefined || c == 0x30FB)
            {
                yield return ((char)c).ToString();
            }
        }
    }

    private static long Hash(string key)
    {
        var h = BigramDictionary.FnvOffset;
        var g = BigramDictionary.GInitial;
        BigramDictionary.Hash(key, ref h, ref g);
        return h;
    }
}
