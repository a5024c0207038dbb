using System.Collections.Concurrent;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Search.Commit;

/// <summary>
/// The distinct values of each facet in one commit, numbered 0..n−1 when the commit is loaded
/// (<see cref="ParagraphTable"/>); each row holds its values' ordinals, so counting a match is an array
/// increment per facet instead of a string-keyed dictionary update. It also lends each search the count arrays it
/// needs (<see cref="Rent"/>): they are sized by the number of values, not of hits, and come back cleared.
/// </summary>
internal sealed class FacetOrdinals
{
    private readonly ConcurrentBag<FacetCounts> _pool = [];

    public FacetOrdinals(int[] years, string[][] values, string[] chapters1, string[] chapters2, int[] chapter2Parents, int documents)
    {
        Years = years;
        Values = values;
        Chapters1 = chapters1;
        Chapters2 = chapters2;
        Chapter2Parents = chapter2Parents;
        DocumentCount = documents;
    }

    /// <summary>Years by ordinal.</summary>
    public int[] Years { get; }

    /// <summary>
    /// Each <see cref="FacetShape.Value"/> facet's values by ordinal, by the facet's place in
    /// <see cref="FacetDeclarations.Valued"/> (a row without a value has no ordinal: -1 on the row).
    /// </summary>
    public string[][] Values { get; }

    /// <summary>Level-1 headings by ordinal (an empty path has no ordinal: -1 on the row).</summary>
    public string[] Chapters1 { get; }

    /// <summary>Level-1 and 2 joined, by ordinal (a path of one level has none: -1 on the row).</summary>
    public string[] Chapters2 { get; }

    /// <summary>Each level-2 path's level-1 ordinal.</summary>
    public int[] Chapter2Parents { get; }

    /// <summary>Documents (their ordinal is <see cref="DocumentInfo.Ordinal"/>).</summary>
    public int DocumentCount { get; }

    /// <summary>Count arrays for one search, all zero; give them back with <see cref="Return"/>.</summary>
    public FacetCounts Rent() => _pool.TryTake(out var counts) ? counts : new FacetCounts(this);

    /// <summary>Clears what a search counted and keeps the arrays for the next one.</summary>
    public void Return(FacetCounts counts)
    {
        counts.Clear();
        _pool.Add(counts);
    }
}
