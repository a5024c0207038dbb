using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Search.Engine;

/// <summary>
/// Every hit of one query on one commit, made a batch at a time (<see cref="SearchEngine.Export"/>): the query has
/// run, and only each hit's sort keys are held; a hit's stored text and occurrence spans are read when its batch is
/// made and dropped once the caller moves on, so an export of 100,000 occurrences costs its keys and one batch, not
/// the text of every hit. Holds a reference to its commit until disposed (a refresh meanwhile does not close it).
/// Not thread-safe: one reader enumerates it once.
/// </summary>
public sealed class SearchExport : IDisposable
{
    /// <summary>Hits made per batch when the caller does not say: a few hundred paragraphs of text at most.</summary>
    public const int DefaultBatchSize = 256;

    private readonly List<MatchedRow> _kept;
    private readonly Func<MatchedRow, SearchHit> _toHit;
    private Action? _release;

    internal SearchExport(SearchResponse summary, List<MatchedRow> kept, Func<MatchedRow, SearchHit> toHit, Action release)
    {
        Summary = summary;
        _kept = kept;
        _toHit = toHit;
        _release = release;
    }

    /// <summary>The totals, facets and hints of the query, with no hits (<see cref="SearchResponse.Hits"/> is empty).</summary>
    public SearchResponse Summary { get; }

    /// <summary>The hits, in the request's order, <paramref name="size"/> at a time; each batch is a new list.</summary>
    public IEnumerable<IReadOnlyList<SearchHit>> Batches(int size = DefaultBatchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ObjectDisposedException.ThrowIf(_release is null, this);
        for (var start = 0; start < _kept.Count; start += size)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = new List<SearchHit>(Math.Min(size, _kept.Count - start));
            for (var i = start; i < _kept.Count && i < start + size; i++)
            {
                batch.Add(_toHit(_kept[i]));
            }
            yield return batch;
        }
    }

    /// <summary>Every hit, one at a time (made batch by batch).</summary>
    public IEnumerable<SearchHit> Hits(CancellationToken cancellationToken = default) =>
        Batches(DefaultBatchSize, cancellationToken).SelectMany(b => b);

    /// <inheritdoc/>
    public void Dispose()
    {
        var release = _release;
        _release = null;
        release?.Invoke();
    }
}
