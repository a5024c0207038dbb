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
    // Every key and flag as it is declared below, in that order. Declared first: static fields are set in the order
    // they are written, and each key below adds itself here as it is set.
    private static readonly List<string> s_all = [];
    private static readonly List<SettingFlag> s_flags = [];

    /// <summary>The index folder (default <c>index</c>).</summary>
    public static readonly string Index = Key("index", "--index");

    /// <summary>The seeds folder (default <c>seeds</c>).</summary>
    public static readonly string Seeds = Key("seeds", "--seeds");

    /// <summary>The optional Java SmartCn jar.</summary>
    public static readonly string SmartCnJar = Key("smartcnjar", "--smartcn-jar");

    public static readonly string AdminKey = Key("adminkey", "--admin-key");
    /// <summary>Origins that may embed the page (frame it and call the API); <see cref="CorsOrigins"/> and
    /// <see cref="FrameAncestors"/> are older names of the same list.</summary>
    public static readonly string EmbedOrigins = Key("embedorigins");
    public static readonly string CorsOrigins = Key("cors:origins");
    public static readonly string FrameAncestors = Key("frameancestors");
    public static readonly string RefreshSeconds = Key("refreshseconds");
    public static readonly string SearchCacheMegabytes = Key("searchcachemegabytes");
    /// <summary>Longest the server's readiness waits for its start-up warm-up (seconds, 0 or more).</summary>
    public static readonly string WarmUpSeconds = Key("warmupseconds");
    public static readonly string RateLimitAdminPerMinute = Key("ratelimit:adminperminute");
    public static readonly string RateLimitSearchPerMinute = Key("ratelimit:searchperminute");
    public static readonly string QueryMaxClauses = Key("query:maxclauses");
    public static readonly string QueryTimeoutSeconds = Key("query:timeoutseconds");
    public static readonly string IngestionMaxPartBytes = Key("ingestion:maxpartbytes");
    public static readonly string IngestionMaxInflatedBytes = Key("ingestion:maxinflatedbytes");
    public static readonly string IngestionMaxCompressionRatio = Key("ingestion:maxcompressionratio");
    public static readonly string IngestionMaxNestingDepth = Key("ingestion:maxnestingdepth");
    public static readonly string IngestionMaxPages = Key("ingestion:maxpages");
    public static readonly string IngestionMaxDocumentCharacters = Key("ingestion:maxdocumentcharacters");
    public static readonly string IngestionMaxParagraphCharacters = Key("ingestion:maxparagraphcharacters");
    public static readonly string IngestionStreamTextBytes = Key("ingestion:streamtextbytes");
    public static readonly string AnswersMaxCsvRows = Key("answers:maxcsvrows");
    public static readonly string AnswersMaxDocumentCharacters = Key("answers:maxdocumentcharacters");
    public static readonly string RoutesMaxConcurrent = Key("routes:maxconcurrent");
    public static readonly string AuthTrustedProxies = Key("auth:trustedproxies");
    public static readonly string AuthMode = Key("auth:mode");
    public static readonly string AuthUserHeader = Key("auth:userheader");
    public static readonly string AuthGroupsHeader = Key("auth:groupsheader");
    public static readonly string OcrEnabled = Key("ocr:enabled", "--ocr", isSwitch: true);
    public static readonly string OcrTesseract = Key("ocr:tesseract");
    public static readonly string OcrPdftoppm = Key("ocr:pdftoppm");
    public static readonly string OcrLanguages = Key("ocr:languages");
    public static readonly string OcrPageTimeoutSeconds = Key("ocr:pagetimeoutseconds");
    public static readonly string OcrCacheDirectory = Key("ocr:cachedirectory");
    // Sign-in (API keys, OpenID Connect, administration by group) and the audit log.
    public static readonly string AuthApiKeysFile = Key("auth:apikeysfile");
    public static readonly string AuthAdminGroup = Key("auth:admingroup");
    public static readonly string AuthAllowAnonymous = Key("auth:allowanonymous");
    public static readonly string AuthOidcAuthority = Key("auth:oidc:authority");
    public static readonly string AuthOidcClientId = Key("auth:oidc:clientid");
    public static readonly string AuthOidcClientSecret = Key("auth:oidc:clientsecret");
    public static readonly string AuthOidcAudience = Key("auth:oidc:audience");
    public static readonly string AuthOidcGroupsClaim = Key("auth:oidc:groupsclaim");
    public static readonly string AuthOidcUserClaim = Key("auth:oidc:userclaim");
    public static readonly string AuthOidcScopes = Key("auth:oidc:scopes");
    public static readonly string AuditPath = Key("audit:path", "--audit-log");
    public static readonly string AuditQueryText = Key("audit:querytext");

    /// <summary>All of them, in the order they are declared.</summary>
    public static IReadOnlyList<string> All => s_all;

    /// <summary>
    /// The settings a command line sets with a flag of its own: the same flags for every verb of <c>xiqing</c>,
    /// <c>xiqing serve</c> and the server started on its own (any other setting is <c>--Xiqing:Key=value</c> there).
    /// A switch takes no value and turns its setting on. Each is declared with its key.
    /// </summary>
    public static IReadOnlyList<SettingFlag> Flags => s_flags;

    /// <summary>Declares a key once: known to the resolver, and with its command-line flag when it has one.</summary>
    private static string Key(string key, string? flag = null, bool isSwitch = false)
    {
        s_all.Add(key);
        if (flag is not null)
        {
            s_flags.Add(new SettingFlag(flag, key, isSwitch));
        }
        return key;
    }

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
