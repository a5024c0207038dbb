using Microsoft.Extensions.Configuration;
using XiqingSearch.Core.Indexing;

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

    /// <summary>The CSP <c>frame-ancestors</c> source list: who may show the page in an iframe (default <c>*</c>).</summary>
    public string FrameAncestors { get; init; } = "*";

    /// <summary>How often the index folder is checked for a newer commit (a rebuild by <c>xiqing index</c>).</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Most search responses kept in memory (<c>Xiqing:SearchCache</c>, default 4096; 0 turns the cache off).</summary>
    public int SearchCacheEntries { get; init; } = 4096;

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
            FrameAncestors = NonEmpty(section["FrameAncestors"]) ?? "*",
            RefreshInterval = TimeSpan.FromSeconds(seconds),
            SearchCacheEntries = int.TryParse(section["SearchCache"], System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var entries) ? entries : 4096,
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
