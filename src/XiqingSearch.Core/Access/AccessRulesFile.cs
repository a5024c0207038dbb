namespace XiqingSearch.Core.Access;

/// <summary>
/// The access rules of one seeds folder, read again whenever <c>catalog.json</c> changes (its size or last-write
/// time): each answer checks the file, so an edited rule takes effect at the next request, without a rebuild.
/// Thread-safe.
/// </summary>
public sealed class AccessRulesFile(string seedsDirectory)
{
    private readonly string _path = Path.Combine(seedsDirectory, Ingestion.Catalog.FileName);
    private readonly System.Threading.Lock _lock = new();
    private (long Length, long Ticks) _seen = (-2, 0);
    private AccessRules _rules = AccessRules.None;

    /// <summary>The rules as the catalogue says now (the same object while the file is unchanged).</summary>
    public AccessRules Current
    {
        get
        {
            var stamp = Stamp();
            lock (_lock)
            {
                // A file written within the last two seconds may change again within the same time stamp: read it
                // every time until it is older.
                var settled = stamp.Length < 0 || DateTime.UtcNow.Ticks - stamp.Ticks > TimeSpan.TicksPerSecond * 2;
                if (stamp != _seen || !settled)
                {
                    var rules = AccessRules.Load(seedsDirectory);
                    if (!SameAs(_rules, rules))
                    {
                        _rules = rules;
                    }
                    _seen = settled ? stamp : (-2, 0);
                }
                return _rules;
            }
        }
    }

    private (long Length, long Ticks) Stamp()
    {
        try
        {
            var info = new FileInfo(_path);
            return info.Exists ? (info.Length, info.LastWriteTimeUtc.Ticks) : (-1, 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (-3, 0);
        }
    }

    private static bool SameAs(AccessRules a, AccessRules b) => ReferenceEquals(a, b) || (a.Signature == b.Signature);
}
