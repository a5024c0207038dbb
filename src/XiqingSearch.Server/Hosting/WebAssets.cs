using System.Security.Cryptography;
using XiqingSearch.Core.Search.Analytics;

namespace XiqingSearch.Server.Hosting;

/// <summary>
/// The search page's files (<c>Web/</c>), embedded in the assembly and held in memory, so the page works wherever
/// the assembly is loaded from (the CLI's output folder included) and never touches the disk or the network.
/// </summary>
internal sealed class WebAssets
{
    private const string Prefix = "Web/";

    private WebAssets(IReadOnlyDictionary<string, WebAsset> files) => Files = files;

    /// <summary>By path under <c>Web/</c> (<c>index.html</c>, <c>app.js</c>, <c>modules/state.js</c>, …).</summary>
    public IReadOnlyDictionary<string, WebAsset> Files { get; }

    /// <summary>Reads every embedded page file.</summary>
    public static WebAssets Load()
    {
        var assembly = typeof(WebAssets).Assembly;
        var files = new Dictionary<string, WebAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            // MSBuild's RecursiveDir has the build machine's separator: a build on Windows names modules\state.js.
            var fileName = name[Prefix.Length..].Replace('\\', '/');
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 8)) + "\"";
            files[fileName] = new WebAsset(fileName, bytes, ContentType(fileName), etag);
        }
        files[LimitsModule] = Asset(LimitsModule, LimitsScript());
        files[FacetsModule] = Asset(FacetsModule, FacetsScript());
        return new WebAssets(files);
    }

    /// <summary>The module the page reads the request limits from, made from Core's declarations (no file on disk).</summary>
    public const string LimitsModule = "modules/limits.js";

    /// <summary>
    /// The limits of a request the page needs before it asks (how long a query may be, how many hits a page
    /// holds, …), by name, from Core: the page writes none of these numbers itself.
    /// </summary>
    public static IReadOnlyDictionary<string, int> ClientLimits { get; } = new SortedDictionary<string, int>(StringComparer.Ordinal)
    {
        ["maxQueryLength"] = SearchLimits.MaxQueryLength,
        ["minLimit"] = SearchLimits.MinLimit,
        ["maxLimit"] = SearchLimits.MaxLimit,
        ["defaultLimit"] = SearchLimits.DefaultLimit,
        ["maxOffset"] = SearchLimits.MaxOffset,
        ["defaultFacetSize"] = SearchLimits.DefaultFacetSize,
        ["maxValues"] = SearchLimits.MaxValues,
        ["maxValueLength"] = SearchLimits.MaxValueLength,
        ["maxPhrases"] = CompareRequest.MaxPhrases,
        ["newTermsLimit"] = NewTermsRequest.DefaultLimit,
        ["maxNewTermsLimit"] = NewTermsRequest.MaxLimit,
    };

    private static string LimitsScript() =>
        "// Made by the server from Core's request limits (SearchLimits, CompareRequest, NewTermsRequest).\n" +
        "export const LIMITS = Object.freeze({ " +
        string.Join(", ", ClientLimits.Select(l => l.Key + ": " + l.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))) + " });\n";

    /// <summary>The module the page reads its facets from (name and label, in the order it lists them), made from Core's declarations.</summary>
    public const string FacetsModule = "modules/facetlist.js";

    private static string FacetsScript() =>
        "// Made by the server from Core's facet declarations (FacetDeclarations): the filter boxes, in this order.\n" +
        "export const FACETS = Object.freeze(" +
        System.Text.Json.JsonSerializer.Serialize(FacetDeclarations.All.Select(f => new { name = f.Name, label = f.Label })) + ");\n";

    private static WebAsset Asset(string fileName, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 8)) + "\"";
        return new WebAsset(fileName, bytes, ContentType(fileName), etag);
    }

    private static string ContentType(string fileName) => Path.GetExtension(fileName) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}

/// <summary>One page file.</summary>
internal sealed record WebAsset(string Name, byte[] Content, string ContentType, string ETag)
{
    /// <summary>A script (the page's modules, embed.js).</summary>
    public bool IsScript => Name.EndsWith(".js", StringComparison.Ordinal);
}
