using System.Text;
using ICU4N.Text;

namespace XiqingSearch.Core.Tests.Analysis.Bigrams;

/// <summary>
/// Computes the variant table from its sources, independently of the engine: ICU's Traditional-Simplified
/// transliterator (one character in, one character out), Unicode's NFKC for Kangxi radicals and compatibility
/// ideographs, and Unicode's EquivalentUnifiedIdeograph.txt for the CJK Radicals Supplement (the entries whose
/// equivalent is a BMP ideograph, written out below). Each source character maps to the end of the chain
/// (⻑ → 長 → 长), so folding is idempotent.
/// </summary>
internal static class VariantTableSource
{
    /// <summary>CJK Radicals Supplement → unified ideograph, from EquivalentUnifiedIdeograph.txt (every entry whose
    /// equivalent is a BMP ideograph; those whose equivalent is supplementary, such as ⺪ → U+24D14, are not folded:
    /// a fold must keep one UTF-16 unit per source unit so offsets stay the stored text's).</summary>
    private static readonly (int Radical, int Ideograph)[] RadicalsSupplement =
    [
        (0x2E81, 0x5382), (0x2E82, 0x4E5B), (0x2E83, 0x4E5A), (0x2E84, 0x4E59), (0x2E85, 0x4EBB), (0x2E86, 0x5182),
        (0x2E88, 0x5200), (0x2E89, 0x5202), (0x2E8A, 0x535C), (0x2E8B, 0x353E), (0x2E8C, 0x5C0F), (0x2E8D, 0x5C0F),
        (0x2E8E, 0x5140), (0x2E8F, 0x5C23), (0x2E90, 0x5C22), (0x2E92, 0x5DF3), (0x2E93, 0x5E7A), (0x2E94, 0x5F51),
        (0x2E95, 0x5F50), (0x2E96, 0x5FC4), (0x2E97, 0x5FC3), (0x2E98, 0x624C), (0x2E99, 0x6535), (0x2E9B, 0x65E1),
        (0x2E9C, 0x65E5), (0x2E9D, 0x6708), (0x2E9E, 0x6B7A), (0x2E9F, 0x6BCD), (0x2EA0, 0x6C11), (0x2EA1, 0x6C35),
        (0x2EA2, 0x6C3A), (0x2EA3, 0x706C), (0x2EA4, 0x722B), (0x2EA5, 0x722B), (0x2EA6, 0x4E2C), (0x2EA7, 0x725B),
        (0x2EA8, 0x72AD), (0x2EA9, 0x738B), (0x2EAB, 0x76EE), (0x2EAC, 0x793A), (0x2EAD, 0x793B), (0x2EAF, 0x7CF9),
        (0x2EB0, 0x7E9F), (0x2EB1, 0x7F53), (0x2EB2, 0x7F52), (0x2EB3, 0x34C1), (0x2EB4, 0x5197), (0x2EB6, 0x7F8A),
        (0x2EB9, 0x8002), (0x2EBA, 0x8080), (0x2EBB, 0x807F), (0x2EBC, 0x8089), (0x2EBE, 0x8279), (0x2EBF, 0x8279),
        (0x2EC0, 0x8279), (0x2EC1, 0x864E), (0x2EC2, 0x8864), (0x2EC3, 0x8980), (0x2EC4, 0x897F), (0x2EC5, 0x89C1),
        (0x2EC6, 0x89D2), (0x2EC8, 0x8BA0), (0x2EC9, 0x8D1D), (0x2ECB, 0x8F66), (0x2ECC, 0x8FB6), (0x2ECD, 0x8FB6),
        (0x2ECE, 0x8FB6), (0x2ECF, 0x9091), (0x2ED0, 0x9485), (0x2ED1, 0x9577), (0x2ED2, 0x9578), (0x2ED3, 0x957F),
        (0x2ED4, 0x95E8), (0x2ED6, 0x961D), (0x2ED7, 0x96E8), (0x2ED8, 0x9752), (0x2ED9, 0x97E6), (0x2EDA, 0x9875),
        (0x2EDB, 0x98CE), (0x2EDC, 0x98DE), (0x2EDD, 0x98DF), (0x2EDF, 0x98E0), (0x2EE0, 0x9963), (0x2EE2, 0x9A6C),
        (0x2EE3, 0x9AA8), (0x2EE4, 0x9B3C), (0x2EE5, 0x9C7C), (0x2EE6, 0x9E1F), (0x2EE7, 0x5364), (0x2EE8, 0x9EA6),
        (0x2EE9, 0x9EC4), (0x2EEA, 0x9EFE), (0x2EEB, 0x6589), (0x2EEC, 0x9F50), (0x2EED, 0x6B6F), (0x2EEE, 0x9F7F),
        (0x2EEF, 0x7ADC), (0x2EF0, 0x9F99), (0x2EF1, 0x9F9C), (0x2EF2, 0x4E80), (0x2EF3, 0x9F9F),
    ];

    /// <summary>The table's lines (source, target, kind), ordered by source, as the committed file holds them.</summary>
    public static List<(char Source, char Target, string Kind)> Compute()
    {
        var simplify = Transliterator.GetInstance("Traditional-Simplified");
        var nfkc = Normalizer2.NFKCInstance;
        var first = new Dictionary<char, (char Target, string Kind)>();
        foreach (var (radical, ideograph) in RadicalsSupplement)
        {
            first[(char)radical] = ((char)ideograph, "radical");
        }
        foreach (var (from, to, kind) in new[] { (0x2F00, 0x2FDF, "kangxi"), (0xF900, 0xFAFF, "compatibility") })
        {
            for (var c = from; c <= to; c++)
            {
                var folded = nfkc.Normalize(((char)c).ToString());
                if (folded.Length == 1 && folded[0] != c)
                {
                    first[(char)c] = (folded[0], kind);
                }
            }
        }
        var traditional = new Dictionary<char, char>();
        for (var c = 0x3400; c <= 0xFAFF; c++)
        {
            if (c is >= 0xA000 and < 0xF900)
            {
                continue;
            }
            var simplified = simplify.Transliterate(((char)c).ToString());
            if (simplified.Length == 1 && simplified[0] != c)
            {
                traditional[(char)c] = simplified[0];
            }
        }
        char Simplify(char c)
        {
            for (var guard = 0; guard < 4 && traditional.TryGetValue(c, out var next); guard++)
            {
                c = next;
            }
            return c;
        }
        var lines = new List<(char, char, string)>();
        foreach (var (source, (target, kind)) in first)
        {
            lines.Add((source, Simplify(target), kind));
        }
        foreach (var source in traditional.Keys.Where(c => !first.ContainsKey(c)))
        {
            var target = Simplify(source);
            if (target != source)
            {
                lines.Add((source, target, "traditional"));
            }
        }
        lines.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return lines;
    }

    public static string Format(IEnumerable<(char Source, char Target, string Kind)> lines)
    {
        var text = new StringBuilder();
        text.Append("# Variant folding of the exact-phrase fields: source<TAB>target<TAB>kind, one UTF-16 unit each.\n");
        text.Append("# Generated by VariantTableTests (tests/XiqingSearch.Core.Tests) from ICU's Traditional-Simplified\n");
        text.Append("# transliterator, NFKC and Unicode's EquivalentUnifiedIdeograph.txt. Do not edit by hand.\n");
        foreach (var (source, target, kind) in lines)
        {
            text.Append(source).Append('\t').Append(target).Append('\t').Append(kind).Append('\n');
        }
        return text.ToString();
    }
}
