using XiqingSearch.Core.Configuration;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Server.Auth.Callers;

namespace XiqingSearch.Server.Hosting;

/// <summary>
/// The server's settings, read once at start from the settings every front end resolves the same way (flags,
/// <c>XIQING_…</c> environment variables, <c>xiqing.json</c>, the <c>Xiqing</c> section of appsettings.json).
/// </summary>
internal sealed record ServerSettings
{
    /// <summary>Index folder, seeds folder and SmartCn jar.</summary>
    public required IndexOptions Index { get; init; }

    /// <summary>Key for <c>POST /api/admin/reindex</c>; null or empty turns the endpoint off.</summary>
    public string? AdminKey { get; init; }

    /// <summary>
    /// The origins that may embed the page (<c>--embed-origin</c>, <c>Xiqing:EmbedOrigins</c>; the older
    /// <c>Xiqing:Cors:Origins</c> and <c>Xiqing:FrameAncestors</c> name the same list): each may show the page in an
    /// iframe (CSP <c>frame-ancestors</c>) and call the API from a browser (CORS). <c>*</c> is any site. None by
    /// default: only the service's own origin frames the page and calls the API.
    /// </summary>
    public IReadOnlyList<string> EmbedOrigins { get; init; } = [];

    /// <summary>Origins allowed to call the API from a browser (CORS): the embed origins.</summary>
    public IReadOnlyList<string> CorsOrigins => EmbedOrigins;

    /// <summary>The CSP <c>frame-ancestors</c> source list: this site (<c>'self'</c>) and the embed origins.</summary>
    public string FrameAncestors => EmbedOrigins.Contains("*") ? "*" : string.Join(' ', ["'self'", .. EmbedOrigins]);

    /// <summary>Whether a page of <paramref name="origin"/> (<c>scheme://host[:port]</c>) may embed the page.</summary>
    public bool IsEmbedOrigin(string origin) => EmbedOrigins.Any(allowed => allowed == "*"
        || string.Equals(allowed, origin, StringComparison.OrdinalIgnoreCase)
        || (allowed.Contains("://*.", StringComparison.Ordinal) && MatchesWildcard(allowed, origin)));

    private static bool MatchesWildcard(string pattern, string origin)
    {
        // https://*.example.gov.cn: the same scheme, any subdomain (not the bare domain, as CSP reads it).
        var cut = pattern.IndexOf("://*.", StringComparison.Ordinal);
        var scheme = pattern[..(cut + 3)];
        var suffix = pattern[(cut + 4)..];
        return origin.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && origin.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
            && origin.Length > scheme.Length + suffix.Length;
    }

    /// <summary>How often the index folder is checked for a newer commit (a rebuild by <c>xiqing index</c>).</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Longest <c>/readyz</c> waits, after the index is open, for the start-up warm-up (<c>Xiqing:WarmUpSeconds</c>,
    /// default 1; 0: not at all). The warm-up goes on in the background after it; searches are answered
    /// meanwhile, the same answers, the first of a kind more slowly.
    /// </summary>
    public TimeSpan WarmUpBound { get; init; } = TimeSpan.FromSeconds(1);

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

    /// <summary>
    /// Rows one CSV export may hold (<c>Xiqing:Answers:MaxCsvRows</c>, default 100,000): a larger export is refused
    /// with 413 <c>answer.too-large</c> before anything is written, naming the count and the limit.
    /// </summary>
    public int MaxCsvRows { get; init; } = 100_000;

    /// <summary>
    /// Characters of text one document answer may hold (<c>Xiqing:Answers:MaxDocumentCharacters</c>, default
    /// 2,000,000): a larger document is 413 <c>answer.too-large</c>; its paragraphs are still served one by one.
    /// </summary>
    public long MaxDocumentCharacters { get; init; } = 2_000_000;

    /// <summary>
    /// Requests each of the costly routes (new-terms, suggest, compare, a document, a CSV export) runs at once
    /// (<c>Xiqing:Routes:MaxConcurrent</c>, default 4); more are 503 <c>server.busy</c> with Retry-After.
    /// </summary>
    public int MaxConcurrentPerRoute { get; init; } = 4;

    /// <summary>Reverse proxies whose <c>X-Forwarded-For</c> names the client (<c>Xiqing:Auth:TrustedProxies</c>).</summary>
    public IReadOnlyList<System.Net.IPAddress> TrustedProxies { get; init; } = [];

    /// <summary>
    /// Who is asking (<c>Xiqing:Auth:Mode</c>, <c>--auth</c>): <c>none</c> (everyone anonymous), <c>header</c> (a
    /// trusted reverse proxy names the user and groups), <c>oidc</c> (OpenID Connect).
    /// </summary>
    public string AuthMode { get; init; } = AuthModes.None;

    /// <summary>The header a trusted proxy names the signed-in user in (<c>Xiqing:Auth:UserHeader</c>).</summary>
    public string UserHeader { get; init; } = "X-Remote-User";

    /// <summary>The header a trusted proxy lists the user's groups in, comma-separated (<c>Xiqing:Auth:GroupsHeader</c>).</summary>
    public string GroupsHeader { get; init; } = "X-Remote-Groups";

    /// <summary>True when the admin endpoints are on.</summary>
    public bool IsAdminEnabled => !string.IsNullOrEmpty(AdminKey);

    // The defaults, declared once above as the properties' initial values; From falls back to them.
    private static readonly ServerSettings s_defaults = new() { Index = new IndexOptions() };

    /// <summary>The server's settings from the resolved layers (Core's <see cref="SettingsResolver"/>).</summary>
    public static ServerSettings From(ResolvedSettings settings)
    {
        var defaults = s_defaults;
        var origins = EmbedOriginsOf(settings);
        return new ServerSettings
        {
            Index = settings.ToIndexOptions(),
            AdminKey = settings.Get(SettingsKeys.AdminKey),
            EmbedOrigins = origins,
            RefreshInterval = TimeSpan.FromSeconds(settings.GetPositive(SettingsKeys.RefreshSeconds, defaults.RefreshInterval.TotalSeconds)),
            WarmUpBound = TimeSpan.FromSeconds(NonNegativeSeconds(settings.Get(SettingsKeys.WarmUpSeconds), defaults.WarmUpBound.TotalSeconds)),
            SearchCacheBytes = Bounded(settings.GetWhole(SettingsKeys.SearchCacheMegabytes, defaults.SearchCacheBytes / (1024 * 1024)), long.MaxValue / (1024 * 1024)) * 1024 * 1024,
            AdminRequestsPerMinute = (int)Bounded(settings.GetWhole(SettingsKeys.RateLimitAdminPerMinute, defaults.AdminRequestsPerMinute), int.MaxValue),
            SearchRequestsPerMinute = (int)Bounded(settings.GetWhole(SettingsKeys.RateLimitSearchPerMinute, defaults.SearchRequestsPerMinute), int.MaxValue),
            MaxCsvRows = (int)Math.Max(1, Bounded(settings.GetWhole(SettingsKeys.AnswersMaxCsvRows, defaults.MaxCsvRows), int.MaxValue)),
            MaxDocumentCharacters = Math.Max(1, Bounded(settings.GetWhole(SettingsKeys.AnswersMaxDocumentCharacters, defaults.MaxDocumentCharacters), long.MaxValue)),
            MaxConcurrentPerRoute = (int)Math.Max(1, Bounded(settings.GetWhole(SettingsKeys.RoutesMaxConcurrent, defaults.MaxConcurrentPerRoute), int.MaxValue)),
            TrustedProxies = ClientAddress.Parse(settings.GetList(SettingsKeys.AuthTrustedProxies), entry =>
                throw new XiqingException(new Problem(ProblemCodes.SettingsInvalid,
                    Http.ServerMessages.NotAnAddress("Xiqing:Auth:TrustedProxies", entry, settings.SourceOf(SettingsKeys.AuthTrustedProxies)),
                    SettingsKeys.AuthTrustedProxies))),
            AuthMode = AuthModes.Parse(settings.Get(SettingsKeys.AuthMode), settings.SourceOf(SettingsKeys.AuthMode)),
            UserHeader = HeaderName(settings, SettingsKeys.AuthUserHeader, defaults.UserHeader),
            GroupsHeader = HeaderName(settings, SettingsKeys.AuthGroupsHeader, defaults.GroupsHeader),
            QueryLimits = new QueryLimits
            {
                MaxClauses = (int)Bounded(settings.GetWhole(SettingsKeys.QueryMaxClauses, defaults.QueryLimits.MaxClauses), int.MaxValue),
                Timeout = TimeSpan.FromSeconds(settings.GetPositive(SettingsKeys.QueryTimeoutSeconds, defaults.QueryLimits.Timeout.TotalSeconds)),
            },
        };
    }

    /// <summary>Seconds, 0 or more (at most a day), or <paramref name="fallback"/> when absent or not a number.</summary>
    private static double NonNegativeSeconds(string? value, double fallback) =>
        double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            && seconds >= 0 && double.IsFinite(seconds)
            ? Math.Min(seconds, 86_400)
            : fallback;

    /// <summary>
    /// The embed origins from <c>embedOrigins</c> and its older names <c>cors:origins</c> and <c>frameAncestors</c>
    /// (a CSP source list: <c>'self'</c> and other keywords are left out, this site always frames the page), each
    /// checked: <c>*</c>, or <c>scheme://host[:port]</c> whose host may start with <c>*.</c>.
    /// </summary>
    internal static string[] EmbedOriginsOf(ResolvedSettings settings)
    {
        var origins = new List<string>();
        foreach (var key in new[] { SettingsKeys.EmbedOrigins, SettingsKeys.CorsOrigins, SettingsKeys.FrameAncestors })
        {
            var entries = (settings.Get(key) ?? "").Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var entry in entries)
            {
                if (entry.StartsWith('\''))
                {
                    continue;
                }
                var origin = entry.TrimEnd('/');
                if (origin != "*" && !IsOrigin(origin))
                {
                    throw new XiqingException(new Problem(ProblemCodes.SettingsInvalid,
                        Http.ServerMessages.NotAnOrigin("Xiqing:EmbedOrigins", entry, settings.SourceOf(key)), SettingsKeys.EmbedOrigins));
                }
                if (!origins.Contains(origin, StringComparer.OrdinalIgnoreCase))
                {
                    origins.Add(origin);
                }
            }
        }
        return [.. origins];
    }

    private static bool IsOrigin(string value)
    {
        var wildcard = value.Replace("://*.", "://x.", StringComparison.Ordinal);
        return Uri.TryCreate(wildcard, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https"
            && uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0
            && string.IsNullOrEmpty(uri.UserInfo);
    }

    private static long Bounded(long value, long max) => Math.Min(value, max - 1);

    private static string HeaderName(ResolvedSettings settings, string key, string fallback)
    {
        var name = settings.Get(key)?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return fallback;
        }
        // A header name is a token (RFC 9110): letters, digits and a few marks, nothing a proxy could split or fold.
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c)))
        {
            throw new XiqingException(new Problem(ProblemCodes.SettingsInvalid,
                Http.ServerMessages.NotAHeaderName(
                    key == SettingsKeys.AuthUserHeader ? "Xiqing:Auth:UserHeader" : "Xiqing:Auth:GroupsHeader", name, settings.SourceOf(key)), key));
        }
        return name;
    }
}
