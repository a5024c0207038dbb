using System.Collections.Concurrent;

namespace XiqingSearch.Server.Hosting;

/// <summary>
/// Serialised search responses keyed by the raw query string of the request. The index only changes by switching commits,
/// and every switch changes <see cref="EngineHolder.Generation"/>, so an entry is valid exactly as long as its
/// generation is current. Bounded: when full it is emptied (popular queries come back at once).
/// </summary>
internal sealed class SearchCache(EngineHolder holder, ServerSettings settings)
{
    private readonly int _capacity = settings.SearchCacheEntries;

    private readonly ConcurrentDictionary<(long Generation, string Key), byte[]> _entries = new();
    private long _generation = -1;

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
        if (_capacity == 0)
        {
            return;
        }
        Sync();
        if (generation != Interlocked.Read(ref _generation))
        {
            return; // computed on a commit that is no longer served
        }
        if (_entries.Count >= _capacity)
        {
            _entries.Clear();
        }
        // The generation is part of the key, so an entry slipped in just as the generation moved on is
        // unreachable rather than stale.
        _entries[(generation, key)] = body;
    }

    private void Sync()
    {
        var current = holder.Generation;
        var seen = Interlocked.Read(ref _generation);
        if (seen != current && Interlocked.CompareExchange(ref _generation, current, seen) == seen)
        {
            _entries.Clear();
        }
    }
}
