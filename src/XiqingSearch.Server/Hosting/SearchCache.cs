using System.Collections.Concurrent;

namespace XiqingSearch.Server.Hosting;

/// <summary>
/// Serialised search responses keyed by the normalised request (the endpoints' <c>SearchParameters.CacheKey</c>:
/// known parameters only, in a fixed order, so <c>&amp;_=123</c> or a different parameter order finds the same
/// entry instead of filling memory with copies). The index only changes by switching commits, and every switch
/// changes <see cref="EngineHolder.Generation"/>, so an entry is valid exactly as long as its generation is current.
/// Bounded by bytes (<c>Xiqing:SearchCacheMegabytes</c>), counting keys and bodies: when the next entry would
/// pass the bound the cache is emptied (popular queries come back at once), and a body larger than an eighth of
/// the bound is never kept.
/// </summary>
internal sealed class SearchCache(EngineHolder holder, ServerSettings settings)
{
    /// <summary>Bytes counted per entry beyond its key and body: the dictionary node, the array header, the tuple.</summary>
    private const int EntryOverhead = 96;

    private readonly long _capacity = settings.SearchCacheBytes;

    private readonly ConcurrentDictionary<(long Generation, string Key), byte[]> _entries = new();
    private readonly Lock _gate = new();
    private long _generation = -1;
    private long _bytes;

    /// <summary>Bytes held now (keys, bodies and overhead); for tests and diagnostics.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Entries held now.</summary>
    public int Count => _entries.Count;

    /// <summary>The cached body for <paramref name="key"/> computed under <paramref name="generation"/>, or null.</summary>
    public byte[]? Get(string key, long generation)
    {
        if (_capacity == 0)
        {
            return null;
        }
        Sync();
        return _entries.TryGetValue((generation, key), out var body) ? body : null;
    }

    /// <summary>Stores <paramref name="body"/> for <paramref name="key"/> under <paramref name="generation"/>.</summary>
    public void Put(string key, long generation, byte[] body)
    {
        var size = Size(key, body);
        if (_capacity == 0 || size > _capacity / 8)
        {
            return;
        }
        Sync();
        lock (_gate)
        {
            if (generation != Interlocked.Read(ref _generation))
            {
                return; // computed on a commit that is no longer served
            }
            if (_bytes + size > _capacity)
            {
                Clear();
            }
            // The generation is part of the key, so an entry slipped in just as the generation moved on is
            // unreachable rather than stale.
            if (_entries.TryAdd((generation, key), body))
            {
                _bytes += size;
            }
        }
    }

    private static long Size(string key, byte[] body) => EntryOverhead + 2L * key.Length + body.LongLength;

    private void Sync()
    {
        var current = holder.Generation;
        var seen = Interlocked.Read(ref _generation);
        if (seen != current && Interlocked.CompareExchange(ref _generation, current, seen) == seen)
        {
            lock (_gate)
            {
                Clear();
            }
        }
    }

    private void Clear()
    {
        _entries.Clear();
        Interlocked.Exchange(ref _bytes, 0);
    }
}
