namespace XiqingSearch.Core.Search.Commit;

/// <summary>
/// Paragraphs and occurrences per ordinal of one facet, with the ordinals touched listed in the order first seen,
/// so reading and clearing the counts costs the values a search met, not all values of the commit.
/// </summary>
internal sealed class OrdinalCounts(int size)
{
    private readonly int[] _counts = new int[size];
    private readonly int[] _occurrences = new int[size];
    private readonly int[] _touched = new int[size];

    /// <summary>How many ordinals have a count.</summary>
    public int TouchedCount { get; private set; }

    /// <summary>The <paramref name="i"/>-th ordinal counted.</summary>
    public int Touched(int i) => _touched[i];

    public int Count(int ordinal) => _counts[ordinal];

    public int Occurrences(int ordinal) => _occurrences[ordinal];

    public void Add(int ordinal, int occurrences)
    {
        if (_counts[ordinal]++ == 0)
        {
            _touched[TouchedCount++] = ordinal;
        }
        _occurrences[ordinal] += occurrences;
    }

    public void Clear()
    {
        for (var i = 0; i < TouchedCount; i++)
        {
            _counts[_touched[i]] = 0;
            _occurrences[_touched[i]] = 0;
        }
        TouchedCount = 0;
    }
}
