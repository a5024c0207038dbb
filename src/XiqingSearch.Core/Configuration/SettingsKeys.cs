namespace XiqingSearch.Core.Configuration;

/// <summary>
/// Every setting XiqingSearch reads, in canonical form (<see cref="SettingsResolver.NormaliseKey"/>): the locations
/// every front end uses and the server's own. <see cref="SettingsResolver"/> refuses a key of a flag or a settings
/// file that is not one of these (<c>settings.invalid</c>, naming the key, where it came from and the nearest known
/// one), as Elasticsearch refuses an unknown setting: a misspelt setting must not silently keep its default.
/// Environment variables are not checked, since other tools' <c>XIQING_…</c> variables may share an environment.
/// </summary>
public static class SettingsKeys
{
    /// <summary>The index folder (default <c>index</c>).</summary>
    public const string Index = "index";

    /// <summary>The seeds folder (default <c>seeds</c>).</summary>
    public const string Seeds = "seeds";

    /// <summary>The optional Java SmartCn jar.</summary>
    public const string SmartCnJar = "smartcnjar";

    public const string AdminKey = "adminkey";
    /// <summary>Origins that may embed the page (frame it and call the API); <see cref="CorsOrigins"/> and
    /// <see cref="FrameAncestors"/> are older names of the same list.</summary>
    public const string EmbedOrigins = "embedorigins";
    public const string CorsOrigins = "cors:origins";
    public const string FrameAncestors = "frameancestors";
    public const string RefreshSeconds = "refreshseconds";
    public const string SearchCacheMegabytes = "searchcachemegabytes";
    /// <summary>Longest the server's readiness waits for its start-up warm-up (seconds, 0 or more).</summary>
    public const string WarmUpSeconds = "warmupseconds";
    public const string RateLimitAdminPerMinute = "ratelimit:adminperminute";
    public const string RateLimitSearchPerMinute = "ratelimit:searchperminute";
    public const string QueryMaxClauses = "query:maxclauses";
    public const string QueryTimeoutSeconds = "query:timeoutseconds";
    public const string IngestionMaxPartBytes = "ingestion:maxpartbytes";
    public const string IngestionMaxInflatedBytes = "ingestion:maxinflatedbytes";
    public const string IngestionMaxCompressionRatio = "ingestion:maxcompressionratio";
    public const string IngestionMaxNestingDepth = "ingestion:maxnestingdepth";
    public const string IngestionMaxPages = "ingestion:maxpages";
    public const string IngestionMaxDocumentCharacters = "ingestion:maxdocumentcharacters";
    public const string IngestionMaxParagraphCharacters = "ingestion:maxparagraphcharacters";
    public const string IngestionStreamTextBytes = "ingestion:streamtextbytes";
    public const string AnswersMaxCsvRows = "answers:maxcsvrows";
    public const string AnswersMaxDocumentCharacters = "answers:maxdocumentcharacters";
    public const string RoutesMaxConcurrent = "routes:maxconcurrent";
    public const string AuthTrustedProxies = "auth:trustedproxies";
    public const string AuthMode = "auth:mode";
    public const string AuthUserHeader = "auth:userheader";
    public const string AuthGroupsHeader = "auth:groupsheader";
    public const string OcrEnabled = "ocr:enabled";
    public const string OcrTesseract = "ocr:tesseract";
    public const string OcrPdftoppm = "ocr:pdftoppm";
    public const string OcrLanguages = "ocr:languages";
    public const string OcrPageTimeoutSeconds = "ocr:pagetimeoutseconds";
    public const string OcrCacheDirectory = "ocr:cachedirectory";
    // Sign-in (API keys, OpenID Connect, administration by group) and the audit log.
    public const string AuthApiKeysFile = "auth:apikeysfile";
    public const string AuthAdminGroup = "auth:admingroup";
    public const string AuthAllowAnonymous = "auth:allowanonymous";
    public const string AuthOidcAuthority = "auth:oidc:authority";
    public const string AuthOidcClientId = "auth:oidc:clientid";
    public const string AuthOidcClientSecret = "auth:oidc:clientsecret";
    public const string AuthOidcAudience = "auth:oidc:audience";
    public const string AuthOidcGroupsClaim = "auth:oidc:groupsclaim";
    public const string AuthOidcUserClaim = "auth:oidc:userclaim";
    public const string AuthOidcScopes = "auth:oidc:scopes";
    public const string AuditPath = "audit:path";
    public const string AuditQueryText = "audit:querytext";

    /// <summary>All of them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Index, Seeds, SmartCnJar, AdminKey, EmbedOrigins, CorsOrigins, FrameAncestors, RefreshSeconds, SearchCacheMegabytes, WarmUpSeconds,
        RateLimitAdminPerMinute, RateLimitSearchPerMinute, QueryMaxClauses, QueryTimeoutSeconds,
        IngestionMaxPartBytes, IngestionMaxInflatedBytes, IngestionMaxCompressionRatio, IngestionMaxNestingDepth,
        IngestionMaxPages, IngestionMaxDocumentCharacters, IngestionMaxParagraphCharacters, IngestionStreamTextBytes,
        AnswersMaxCsvRows, AnswersMaxDocumentCharacters, RoutesMaxConcurrent, AuthTrustedProxies,
        AuthMode, AuthUserHeader, AuthGroupsHeader,
        OcrEnabled, OcrTesseract, OcrPdftoppm, OcrLanguages, OcrPageTimeoutSeconds, OcrCacheDirectory,
        AuthApiKeysFile, AuthAdminGroup, AuthAllowAnonymous, AuthOidcAuthority, AuthOidcClientId,
        AuthOidcClientSecret, AuthOidcAudience, AuthOidcGroupsClaim, AuthOidcUserClaim, AuthOidcScopes,
        AuditPath, AuditQueryText,
    ];

    /// <summary>
    /// The settings a command line sets with a flag of its own: the same flags for every verb of <c>xiqing</c>,
    /// <c>xiqing serve</c> and the server started on its own (any other setting is <c>--Xiqing:Key=value</c> there).
    /// A switch takes no value and turns its setting on.
    /// </summary>
    public static IReadOnlyList<SettingFlag> Flags { get; } =
    [
        new("--index", Index), new("--seeds", Seeds), new("--smartcn-jar", SmartCnJar), new("--admin-key", AdminKey),
        new("--audit-log", AuditPath), new("--ocr", OcrEnabled, IsSwitch: true),
    ];

    /// <summary>The flag of <paramref name="key"/> (one of <see cref="Flags"/>).</summary>
    public static SettingFlag FlagOf(string key) => Flags.Single(flag => flag.Key == key);

    /// <summary>Whether <paramref name="key"/> (canonical) is a setting; keys starting with <c>$</c> (such as a JSON
    /// file's <c>$schema</c>) are annotations and pass.</summary>
    public static bool IsKnown(string key) => key.StartsWith('$') || All.Contains(key, StringComparer.Ordinal);

    /// <summary>The known key closest to <paramref name="key"/> in edits, when it is close enough to be a misspelling.</summary>
    public static string? Nearest(string key)
    {
        var best = All.MinBy(k => Distance(k, key))!;
        // Also a key the unknown one is a part of ("searchcache" of "searchcachemegabytes").
        return Distance(best, key) <= Math.Max(2, key.Length / 3) || best.Contains(key, StringComparison.Ordinal)
            ? best
            : All.FirstOrDefault(k => key.Length >= 4 && k.Contains(key, StringComparison.Ordinal));
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
