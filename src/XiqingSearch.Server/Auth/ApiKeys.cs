using System.Security.Cryptography;

namespace XiqingSearch.Server.Auth;

/// <summary>
/// The keys of <c>Xiqing:Auth:ApiKeysFile</c>, checked against an <c>X-Api-Key</c> header. Read at start (a broken
/// file stops start-up) and again when the file changes, looked at no more than every two seconds, so a key added
/// by <c>xiqing keys add</c> works without a restart; a file broken later keeps the keys last read (and logs why).
/// </summary>
internal sealed class ApiKeys
{
    private static readonly TimeSpan s_recheck = TimeSpan.FromSeconds(2);

    private readonly string? _path;
    private readonly ILogger<ApiKeys> _logger;
    private readonly Lock _reload = new();
    private volatile Loaded _loaded;
    private long _nextCheckTicks;

    public ApiKeys(AuthSettings settings, ILogger<ApiKeys> logger)
    {
        _path = settings.ApiKeysFile;
        _logger = logger;
        _loaded = new Loaded([], DateTime.MinValue, -1);
        if (_path is not null)
        {
            if (!File.Exists(_path))
            {
                throw new Core.Problems.XiqingException(new Core.Problems.Problem(Core.Problems.ProblemCodes.SettingsInvalid,
                    $"Xiqing:Auth:ApiKeysFile: {_path} does not exist; create it with `xiqing keys add NAME --groups …`."));
            }
            _loaded = Load(_path, ApiKeyFile.Read(_path).ValueOrThrow());
        }
    }

    /// <summary>True when a keys file is configured.</summary>
    public bool Enabled => _path is not null;

    /// <summary>The entry whose key is <paramref name="given"/>, or null. Every entry is compared, in constant time.</summary>
    public ApiKeyEntry? Find(string given)
    {
        if (_path is null || given.Length == 0)
        {
            return null;
        }
        ReloadIfChanged(_path);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(given));
        ApiKeyEntry? found = null;
        foreach (var (entry, stored) in _loaded.Keys)
        {
            // No early exit: the time taken does not tell which entry (or how many) came close.
            if (CryptographicOperations.FixedTimeEquals(hash, stored))
            {
                found = entry;
            }
        }
        return found;
    }

    private void ReloadIfChanged(string path)
    {
        var now = Environment.TickCount64;
        if (now < Interlocked.Read(ref _nextCheckTicks) || !_reload.TryEnter())
        {
            return;
        }
        try
        {
            Interlocked.Exchange(ref _nextCheckTicks, now + (long)s_recheck.TotalMilliseconds);
            var info = new FileInfo(path);
            if (!info.Exists || (info.LastWriteTimeUtc == _loaded.WrittenUtc && info.Length == _loaded.Length))
            {
                return;
            }
            var read = ApiKeyFile.Read(path);
            if (read.IsSuccess)
            {
                _loaded = Load(path, read.Value);
                _logger.LogInformation("API keys reloaded from {Path}: {Count} keys.", path, read.Value.Count);
            }
            else
            {
                _logger.LogError("API keys file not reloaded, the keys read before stay: {Problem}", read.Problems[0].Message);
            }
        }
        finally
        {
            _reload.Exit();
        }
    }

    private static Loaded Load(string path, IReadOnlyList<ApiKeyEntry> entries)
    {
        var info = new FileInfo(path);
        return new Loaded([.. entries.Select(e => (e, Convert.FromHexString(e.Sha256)))], info.LastWriteTimeUtc, info.Length);
    }

    private sealed record Loaded(IReadOnlyList<(ApiKeyEntry Entry, byte[] Hash)> Keys, DateTime WrittenUtc, long Length);
}
