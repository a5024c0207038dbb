using Microsoft.Extensions.Configuration;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Server.Hosting;

/// <summary>
/// The server's settings, read once at start from the <c>Xiqing</c> configuration section
/// (appsettings.json, <c>XIQING_…</c> environment variables, command line).
/// </summary>
internal sealed record ServerSettings
{
    /// <summary>Index folder, seeds folder and SmartCn jar.</summary>
    public required IndexOptions Index { get; init; }

    /// <summary>Key for <c>POST /api/admin/reindex</c>; null or empty turns the endpoint off.</summary>
    public string? AdminKey { get; init; }

    /// <summary>Origins allowed to call the API from a browser (CORS). None by default.</summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = [];

    /// <summary>
    /// The CSP <c>frame-ancestors</c> source list: who may show the page in an iframe. Default: this site
    /// (<c>'self'</c>) and the CORS origins, the portals that embed the page.
    /// </summary>
    public string FrameAncestors { get; init; } = "'self'";

    /// <summary>How often the index folder is checked for a newer commit (a rebuild by <c>xiqing index</c>).</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Most bytes of search responses kept in memory (<c>Xiqing:SearchCacheMegabytes</c>, default 64; 0 turns the
    /// cache off).
    /// </summary>
    public long SearchCacheBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Admin requests one client address may make per minute (<c>Xiqing:RateLimit:AdminPerMinute</c>, default 10).</summary>
    public int AdminRequestsPerMinute { get; init; } = 10;

    /// <summary>Searches one client address may make per minute (<c>Xiqing:RateLimit:SearchPerMinute</c>; 0, the default, is no limit).</summary>
    public int SearchRequestsPerMinute { get; init; }

    /// <summary>What one query may cost (<c>Xiqing:Query:MaxClauses</c>, <c>Xiqing:Query:TimeoutSeconds</c>).</summary>
    public QueryLimits QueryLimits { get; init; } = QueryLimits.Default;

    /// <summary>True when the admin endpoints are on.</summary>
    public bool IsAdminEnabled => !string.IsNullOrEmpty(AdminKey);

    /// <summary>Reads the <c>Xiqing</c> section; <paramref name="overrides"/> (from the CLI's flags) wins.</summary>
    public static ServerSettings From(IConfiguration configuration, IndexOptions? overrides)
    {
        var section = configuration.GetSection("Xiqing");
        var defaults = new IndexOptions();
        var index = overrides ?? new IndexOptions
        {
            IndexDirectory = NonEmpty(section["Index"]) ?? defaults.IndexDirectory,
            SeedsDirectory = NonEmpty(section["Seeds"]) ?? defaults.SeedsDirectory,
            SmartCnJar = NonEmpty(section["SmartCnJar"]),
        };
        var origins = section.GetSection("Cors:Origins").GetChildren()
            .Select(c => c.Value)
            .Concat((section["Cors:Origins"] ?? "").Split(',')) // XIQING_CORS__ORIGINS=a,b
            .Select(o => o?.Trim().TrimEnd('/'))
            .Where(o => !string.IsNullOrEmpty(o))
            .Select(o => o!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        var seconds = double.TryParse(section["RefreshSeconds"], System.Globalization.NumberStyles.Float,
            System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 2;
        return new ServerSettings
        {
            Index = index with
            {
                IndexDirectory = Path.GetFullPath(index.IndexDirectory),
                SeedsDirectory = Path.GetFullPath(index.SeedsDirectory),
            },
            AdminKey = NonEmpty(section["AdminKey"]),
            CorsOrigins = origins,
            FrameAncestors = NonEmpty(section["FrameAncestors"]) ?? string.Join(' ', ["'self'", .. origins]),
            RefreshInterval = TimeSpan.FromSeconds(seconds),
            SearchCacheBytes = Whole(section["SearchCacheMegabytes"], 64) * 1024 * 1024,
            AdminRequestsPerMinute = (int)Math.Min(int.MaxValue, Whole(section["RateLimit:AdminPerMinute"], 10)),
            SearchRequestsPerMinute = (int)Math.Min(int.MaxValue, Whole(section["RateLimit:SearchPerMinute"], 0)),
            QueryLimits = new QueryLimits
            {
                MaxClauses = (int)Math.Min(int.MaxValue, Whole(section["Query:MaxClauses"], QueryLimits.Default.MaxClauses)),
                Timeout = double.TryParse(section["Query:TimeoutSeconds"], System.Globalization.NumberStyles.Float,
                    System.Globalization.CultureInfo.InvariantCulture, out var timeout) && timeout > 0
                    ? TimeSpan.FromSeconds(timeout)
                    : QueryLimits.Default.Timeout,
            },
        };
    }

    /// <summary>A whole number of 0 or more, or <paramref name="fallback"/> when absent or not one.</summary>
    private static long Whole(string? text, long fallback) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture,
            out var value) && value < long.MaxValue / (1024 * 1024) ? value : fallback;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
