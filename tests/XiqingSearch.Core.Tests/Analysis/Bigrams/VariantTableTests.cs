using System.Diagnostics;
using ICU4N.Text;
using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Tests.Ingestion;
using XiqingSearch.Testing;
using Xunit.Abstractions;

namespace XiqingSearch.Core.Tests.Analysis.Bigrams;

/// <summary>
/// The committed variant table is exactly what its sources say, folding is idempotent and one unit for one, and
/// the table agrees with ICU's transliterator on the seeds converted to traditional characters.
/// Set XIQING_WRITE_VARIANTS=1 to rewrite src/XiqingSearch.Core/Analysis/Bigrams/variants.txt.
/// </summary>
public sealed class VariantTableTests(ITestOutputHelper output)
{
    private static readonly string TablePath =
        Path.Combine(RepositoryRoot.Path, "src", "XiqingSearch.Core", "Analysis", "Bigrams", "variants.txt");

    [Fact]
    public void Table_IsWhatIcuNfkcAndUnicodeSay()
    {
        var expected = VariantTableSource.Format(VariantTableSource.Compute());
        if (Environment.GetEnvironmentVariable("XIQING_WRITE_VARIANTS") == "1")
        {
            File.WriteAllText(TablePath, expected);
        }
        Assert.Equal(expected, File.ReadAllText(TablePath).ReplaceLineEndings("\n"));
        Assert.Equal(VariantTableSource.Compute().Select(l => (l.Source, l.Target, l.Kind)), VariantFolding.Pairs());
        // The counts by kind describe the same table (they were once always empty: an initialiser-order slip).
        var byKind = VariantFolding.Pairs().GroupBy(p => p.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(byKind.OrderBy(k => k.Key, StringComparer.Ordinal), VariantFolding.Counts.OrderBy(k => k.Key, StringComparer.Ordinal));
        Assert.NotEmpty(VariantFolding.Counts);
    }

    [Fact]
    public void Fold_IsIdempotentAndNeverTouchesAsciiOrTheSeedsSimplifiedText()
    {
        foreach (var (source, target, _) in VariantFolding.Pairs())
        {
            Assert.Equal(target, VariantFolding.Fold(target));
            Assert.Equal(target, MatchFolding.Fold(source));
        }
        for (var c = 0; c < 128; c++)
        {
            Assert.Equal((char)c, VariantFolding.Fold((char)c));
        }
        Assert.Equal('青', MatchFolding.Fold('\u2ED8'));  // ⻘ CJK RADICAL BLUE
        Assert.Equal('工', MatchFolding.Fold('\u2F2F'));  // ⼯ KANGXI RADICAL WORK
        Assert.Equal('长', MatchFolding.Fold('\u2ED1'));  // ⻑ → 長 → 长
        Assert.Equal('开', MatchFolding.Fold('開'));
        Assert.Equal('金', MatchFolding.Fold('\uF90A'));  // 金 compatibility ideograph
    }

    [Fact]
    public void Fold_VariantFormsOfOpenCcAndUnihan_FoldToTheSimplifiedCharacter()
    {
        // 碳達峯 must find 碳达峰: 達 is traditional (ICU), 峯 a variant form (OpenCC, Unihan), not traditional.
        Assert.Equal("碳达峰", new string([.. "碳達峯".Select(MatchFolding.Fold)]));
        Assert.Equal('峰', MatchFolding.Fold('峯'));
        Assert.Equal('龟', MatchFolding.Fold('亀'));  // Japanese form (OpenCC JPVariants)
        Assert.Equal('齐', MatchFolding.Fold('\u2EEB'));  // ⻫ → 斉 → 齐: the radical's chain goes on to the variant's target
        // The review's exclusions: a simplified character stays itself; an ambiguous variant and a component
        // related only by kSemanticVariant are not folded.
        Assert.Equal('沈', MatchFolding.Fold('沈'));
        Assert.Equal('牠', MatchFolding.Fold('牠'));
        Assert.Equal('乚', MatchFolding.Fold('乚'));
        Assert.True(VariantFolding.Pairs().Count(p => p.Kind == "variant") > 1000);
    }

    /// <summary>
    /// ICU writes 沉 as 沈 in traditional text; 沈 is also a simplified character in its own right (the surname), so
    /// the table does not fold it and a traditional text with 沈 for 沉 is not matched by 沉 (Analysis/README.md).
    /// </summary>
    private const string KnownMisses = "沉";

    [Fact]
    public void Seeds_ToTraditionalAndBack_TableAgreesWithIcuOnEveryCharacter()
    {
        // ICU's own converters, as a reader of traditional text would meet them: every seed character converted to
        // traditional by ICU must fold back to the seed's character, except the known false merges the
        // documentation lists (a simplified character that is also another's traditional form).
        var toTraditional = Transliterator.GetInstance("Simplified-Traditional");
        var chars = SeedText().Where(c => c >= 0x3400 && !char.IsSurrogate(c)).ToHashSet();
        var roundTrip = 0;
        var failures = new List<string>();
        var changedBySelf = new List<char>();
        foreach (var c in chars)
        {
            var traditional = toTraditional.Transliterate(c.ToString());
            if (traditional.Length == 1 && MatchFolding.Fold(traditional[0]) == MatchFolding.Fold(c))
            {
                roundTrip++;
            }
            else if (!KnownMisses.Contains(c))
            {
                failures.Add($"{c}→{traditional}→{string.Concat(traditional.Select(MatchFolding.Fold))}");
            }
            if (VariantFolding.IsVariant(c))
            {
                changedBySelf.Add(c);
            }
        }
        output.WriteLine($"{chars.Count} distinct seed ideographs; {roundTrip} fold back from ICU's traditional form; " +
            $"{changedBySelf.Count} seed characters are themselves folded: {string.Join(" ", changedBySelf.Select(c => $"{c}→{VariantFolding.Fold(c)}"))}");
        Assert.True(failures.Count == 0, string.Join(" ", failures));
    }

    [Fact]
    public void Fold_TableIsFasterThanTheIcuTransliterator()
    {
        // Not a timing assertion: it prints the two costs the table was chosen on (see Analysis/README.md).
        var text = SeedText();
        var load = Stopwatch.StartNew();
        var icu = Transliterator.GetInstance("Traditional-Simplified");
        var loadMs = load.Elapsed.TotalMilliseconds;
        var sample = text[..Math.Min(text.Length, 20000)];
        _ = new string([.. sample.Select(VariantFolding.Fold)]);
        _ = icu.Transliterate(sample[..100]);
        var timer = Stopwatch.StartNew();
        var viaIcu = icu.Transliterate(sample);
        var icuMs = timer.Elapsed.TotalMilliseconds;
        timer.Restart();
        var viaTable = new string([.. sample.Select(VariantFolding.Fold)]);
        var tableMs = timer.Elapsed.TotalMilliseconds;
        output.WriteLine($"ICU: {loadMs:F0} ms to load, {icuMs:F2} ms for {sample.Length} units; table: {tableMs:F3} ms");
        Assert.Equal(viaIcu.Length, viaTable.Length);
    }

    private static string SeedText() =>
        string.Concat(Directory.GetFiles(SeedsFolder.Path).Order(StringComparer.Ordinal).Select(File.ReadAllText));
}
