using System.Reflection;

namespace XiqingSearch.Core.Analysis.Bigrams;

/// <summary>
/// Folds the forms of one character that text and queries carry interchangeably: traditional → simplified (開 → 开),
/// CJK and Kangxi radicals that PDF extraction leaves for ideographs (⻘ → 青, ⼯ → 工) and compatibility
/// ideographs (U+F900–FAFF) → their canonical ideographs. Every mapping is one UTF-16 unit to one, so offsets into
/// the normalised text map back to the original unit for unit and highlights stay exact.
/// The data is <c>variants.txt</c> (generated from ICU's Traditional-Simplified transliterator, NFKC and Unicode's
/// EquivalentUnifiedIdeograph.txt; the tests regenerate it and compare). Known false merges, where two distinct
/// simplified characters meet because one is also a traditional form, are listed in Analysis/README.md.
/// </summary>
public static class VariantFolding
{
    private const string ResourceName = "XiqingSearch.Core.Analysis.Bigrams.variants.txt";

    // Declared before Table: static initialisers run in textual order, and Load (Table's initialiser) sets Counts,
    // which an initialiser placed after it would reset to empty.
    /// <summary>The number of characters the table folds, by kind (traditional, radical, kangxi, compatibility).</summary>
    public static IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    /// <summary>The mapping of every BMP unit (identity where there is no variant), built once.</summary>
    private static readonly char[] Table = Load();

    /// <summary>The canonical form of <paramref name="c"/>: itself unless it is a variant.</summary>
    public static char Fold(char c) => Table[c];

    /// <summary>True if <paramref name="c"/> is folded to another character.</summary>
    public static bool IsVariant(char c) => Table[c] != c;

    /// <summary>Every folded pair (source, target, kind), as the data file lists them.</summary>
    public static IEnumerable<(char Source, char Target, string Kind)> Pairs()
    {
        foreach (var line in ReadLines())
        {
            yield return line;
        }
    }

    private static char[] Load()
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            table[c] = (char)c;
        }
        var counts = new Dictionary<string, int>();
        foreach (var (source, target, kind) in ReadLines())
        {
            table[source] = target;
            counts[kind] = counts.GetValueOrDefault(kind) + 1;
        }
        Counts = counts;
        return table;
    }

    private static IEnumerable<(char Source, char Target, string Kind)> ReadLines()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            // source TAB target TAB kind, each of the first two one UTF-16 unit.
            if (line.Length < 5 || line[1] != '\t' || line[3] != '\t')
            {
                throw new InvalidDataException($"{ResourceName}: malformed line '{line}'.");
            }
            yield return (line[0], line[2], line[4..]);
        }
    }
}
