namespace XiqingSearch.Core.Search.Engine;

/// <summary>
/// Keeps the first <c>count</c> hits in a total order as they are collected, without keeping or sorting them
/// all: a page of 10 out of 270,000 hits costs a heap of 10, so a search's memory does not grow with its hits
/// (an export, which wants every hit, keeps them all). The order breaks every tie (score, then year, then reading
/// order), so the page is exactly the one a full sort gives.
/// </summary>
internal sealed class TopHits
{
    /// <summary>Beyond this many, hits are kept in a list and sorted once at the end.</summary>
    private const int HeapLimit = 10_000;

    private readonly int _count;
    private readonly Comparison<MatchedRow> _order;
    private readonly PriorityQueue<MatchedRow, MatchedRow>? _heap;
    private readonly List<MatchedRow>? _all;

    private readonly bool _scoreFirst;

    /// <param name="count">How many hits to keep.</param>
    /// <param name="order">The total order, best first.</param>
    /// <param name="scoreFirst">True when <paramref name="order"/> puts a higher score first before anything else
    /// (relevance), so a match scoring below the worst kept one is refused without building or comparing it.</param>
    public TopHits(int count, Comparison<MatchedRow> order, bool scoreFirst = false)
    {
        _count = Math.Max(0, count);
        _order = order;
        _scoreFirst = scoreFirst;
        if (_count <= HeapLimit)
        {
            // The root is the worst of the best so far: the reversed order puts it first.
            _heap = new PriorityQueue<MatchedRow, MatchedRow>(Math.Min(_count, 64) + 1, Comparer<MatchedRow>.Create((a, b) => order(b, a)));
        }
        else
        {
            _all = [];
        }
    }

    /// <summary>True when the order puts a higher score first before anything else (relevance).</summary>
    public bool ScoreFirst => _scoreFirst;

    /// <summary>
    /// False when a match with <paramref name="score"/> cannot be kept: the heap is full, the order is by score
    /// first, and the worst kept hit scores higher. Most matches of a common phrase end here, before their row
    /// and sort keys are read. An exact match may always displace an approximate one, whatever the scores (the
    /// relevance order puts every exact hit first); approximate matches are offered without asking.
    /// </summary>
    public bool MayKeep(float score) =>
        !_scoreFirst || _heap is null || _heap.Count < _count || (_count > 0 && (score >= _heap.Peek().Score || _heap.Peek().Approximate));

    /// <summary>
    /// The score below which <see cref="MayKeep"/> refuses a match, or negative infinity while it refuses none (the
    /// heap is not full, the order is not by score first, or the worst kept hit is approximate, which any exact
    /// match may displace). A collector may skip scoring a match whose score cannot reach it.
    /// </summary>
    public float Threshold =>
        _scoreFirst && _heap is not null && _count > 0 && _heap.Count >= _count && !_heap.Peek().Approximate
            ? _heap.Peek().Score
            : float.NegativeInfinity;

    public void Offer(MatchedRow match)
    {
        if (_heap is null)
        {
            _all!.Add(match);
        }
        else if (_heap.Count < _count)
        {
            _heap.Enqueue(match, match);
        }
        else if (_count > 0 && _order(match, _heap.Peek()) < 0)
        {
            _heap.EnqueueDequeue(match, match);
        }
    }

    /// <summary>The hits kept, best first (at most <c>count</c>).</summary>
    public List<MatchedRow> Sorted()
    {
        if (_all is not null)
        {
            _all.Sort(_order);
            return _all.Count > _count ? _all.GetRange(0, _count) : _all;
        }
        var top = new List<MatchedRow>(_heap!.Count);
        while (_heap.Count > 0)
        {
            top.Add(_heap.Dequeue());
        }
        top.Reverse();
        return top;
    }
}
