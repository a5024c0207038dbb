using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Search.Analytics;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Search.Suggestions;

namespace XiqingSearch.Core.Json;

/// <summary>
/// The one JSON shape of every result model: camelCase names, Chinese text written as is (not \u-escaped),
/// enums as camelCase strings. The CLI and the HTTP API both use <see cref="Options"/>, so their JSON is identical.
/// The result models' serialisers are generated at build time (<see cref="XiqingJsonContext"/>): nothing is
/// reflected over when a command writes JSON, which keeps a one-shot <c>xiqing … --format json</c> fast and lets the
/// command line be compiled ahead of time (Native AOT). Any other type falls back to reflection.
/// </summary>
public static class XiqingJson
{
    /// <summary>Serializer options shared by every front end.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>The same, indented, for terminals.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    /// <summary>Applies the shared settings to <paramref name="options"/> (ASP.NET Core's own options object).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.NumberHandling = JsonNumberHandling.Strict;
        // One converter per enum of the models (the open converter would build them by reflection).
        options.Converters.Add(new JsonStringEnumConverter<SearchSort>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<MultiYearMode>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<ParagraphKind>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<IndexState>(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new JsonStringEnumConverter<RequestParameter>(JsonNamingPolicy.CamelCase));
        options.TypeInfoResolverChain.Insert(0, XiqingJsonContext.Default);
    }

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions { WriteIndented = indented };
        Configure(options);
        options.TypeInfoResolverChain.Add(new DefaultJsonTypeInfoResolver());
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>
/// Serialisers generated at build time for the result models every front end writes. The options
/// (<see cref="XiqingJson.Options"/>) name and format them; this only removes the reflection.
/// </summary>
[JsonSerializable(typeof(SearchResponse))]
[JsonSerializable(typeof(IndexStats))]
[JsonSerializable(typeof(CompareResult))]
[JsonSerializable(typeof(NewTermsResult))]
[JsonSerializable(typeof(SuggestResponse))]
[JsonSerializable(typeof(DocumentView))]
[JsonSerializable(typeof(IReadOnlyList<DocumentSummary>))]
[JsonSerializable(typeof(ParagraphContext))]
[JsonSerializable(typeof(SearchFacets))]
internal sealed partial class XiqingJsonContext : JsonSerializerContext;
