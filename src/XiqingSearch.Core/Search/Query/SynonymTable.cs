using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Ingestion;

namespace XiqingSearch.Core.Search.Query;

/// <summary>
/// The optional <c>synonyms.txt</c> beside the sources: one group per line, variants separated by commas
/// (<c>发改委,发展和改革委员会</c>); <c>#</c> starts a comment. A phrase of the query that is a variant of a group
/// is searched as every variant of the group, each an exact phrase of its own. Variants are compared normalised
/// (<see cref="MatchFolding"/>), so 發改委 is the same variant as 发改委. Read again when the file changes.
/// </summary>
internal sealed class SynonymTable
{
    public const string FileName = CorpusReader.SynonymsFileName;

    private static readonly Lock CacheLock = new();
    private static (string Path, DateTime Written, long Length, SynonymTable? Table) _cache;

    private readonly Dictionary<string, string[]> _groups;

    private SynonymTable(Dictionary<string, string[]> groups) => _groups = groups;

    /// <summary>The groups of <paramref name="sourcesDirectory"/>'s synonyms.txt, or null when there is none.</summary>
    public static SynonymTable? For(string? sourcesDirectory)
    {
        if (string.IsNullOrEmpty(sourcesDirectory))
        {
            return null;
        }
        var path = Path.Combine(sourcesDirectory, FileName);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            return null;
        }
        lock (CacheLock)
        {
            if (_cache.Path == path && _cache.Written == info.LastWriteTimeUtc && _cache.Length == info.Length)
            {
                return _cache.Table;
            }
            var table = Parse(File.ReadAllLines(path));
            _cache = (path, info.LastWriteTimeUtc, info.Length, table);
            return table;
        }
    }

    /// <summary>The table of the given lines (one group a line; comments and blank lines skipped).</summary>
    public static SynonymTable Parse(IEnumerable<string> lines)
    {
        var groups = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var content = line.Split('#')[0];
            var variants = content.Split([',', '，', '、'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(v => MatchFolding.Normalize(v))
                .Where(v => v.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            if (variants.Length < 2)
            {
                continue;
            }
            foreach (var variant in variants)
            {
                // A variant listed in two groups takes both groups' variants.
                groups[variant] = groups.TryGetValue(variant, out var known) ? [.. known.Union(variants, StringComparer.Ordinal)] : variants;
            }
        }
        return new SynonymTable(groups);
    }

    /// <summary>The variants of a normalised phrase, itself first, or null when it is in no group.</summary>
    public IReadOnlyList<string>? Variants(string normalized) =>
        _groups.TryGetValue(normalized, out var variants)
            ? [normalized, .. variants.Where(v => v != normalized)]
            : null;
}
