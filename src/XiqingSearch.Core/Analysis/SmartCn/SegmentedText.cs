namespace XiqingSearch.Core.Analysis.SmartCn;

/// <summary>
/// The tokens of one field value after segmentation and the stop rule (spec §9, §11): term text in one
/// shared character pool, offsets relative to the value, and position increments that count the removed
/// punctuation tokens (§1). Reused across values to avoid per-token allocations.
/// </summary>
internal sealed class SegmentedText
{
    private char[] _pool = new char[1024];
    private int[] _termStart = new int[256];
    private int[] _termLength = new int[256];
    private int[] _start = new int[256];
    private int[] _end = new int[256];
    private int[] _increment = new int[256];
    private int _poolLength;
    private int _pendingIncrement = 1;

    /// <summary>Number of kept tokens.</summary>
    public int Count { get; private set; }

    /// <summary>Forgets every token.</summary>
    public void Clear()
    {
        Count = 0;
        _poolLength = 0;
        _pendingIncrement = 1;
    }

    /// <summary>Appends a kept token; its text is written by the caller into the returned span.</summary>
    public Span<char> Add(int start, int end, int termLength)
    {
        if (Count == _start.Length)
        {
            var size = Count * 2;
            Array.Resize(ref _termStart, size);
            Array.Resize(ref _termLength, size);
            Array.Resize(ref _start, size);
            Array.Resize(ref _end, size);
            Array.Resize(ref _increment, size);
        }
        if (_poolLength + termLength > _pool.Length)
        {
            Array.Resize(ref _pool, Math.Max(_pool.Length * 2, _poolLength + termLength));
        }
        _termStart[Count] = _poolLength;
        _termLength[Count] = termLength;
        _start[Count] = start;
        _end[Count] = end;
        _increment[Count] = _pendingIncrement;
        _pendingIncrement = 1;
        Count++;
        var span = _pool.AsSpan(_poolLength, termLength);
        _poolLength += termLength;
        return span;
    }

    /// <summary>Records a removed token (§11): the next kept token's increment grows by one.</summary>
    public void AddRemoved() => _pendingIncrement++;

    /// <summary>The text of token <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> Term(int index) => _pool.AsSpan(_termStart[index], _termLength[index]);

    /// <summary>Start offset (UTF-16 units) of token <paramref name="index"/>.</summary>
    public int Start(int index) => _start[index];

    /// <summary>End offset (exclusive) of token <paramref name="index"/>.</summary>
    public int End(int index) => _end[index];

    /// <summary>Position increment of token <paramref name="index"/>: 1 plus the removed tokens before it.</summary>
    public int Increment(int index) => _increment[index];
}
