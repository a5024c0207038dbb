using System.Text.Json;
using System.Text.Json.Nodes;
using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Ingestion;

/// <summary>
/// The optional <c>catalog.json</c> at the top of the seeds folder: per-document corrections of title, year, type,
/// period, source URL, 文号, issuer and dates, because real archives need them. Keys are document ids (the path
/// under the seeds folder without extension, <c>/</c>-separated).
/// <code>{ "documents": { "000_313d8db390bab93c": { "title": "…", "year": 2024, "type": "annual-plan", "period": null,
///   "url": "https://…", "number": "津西青政发〔2024〕1号", "issuer": "…", "writtenDate": "2024-01-18", "publishedDate": "2024-01-20" } } }</code>
/// </summary>
public sealed class Catalog
{
    /// <summary>The catalogue's file name in the seeds folder.</summary>
    public const string FileName = "catalog.json";

    /// <summary>
    /// The catalogue keys of access rules, read by <c>Access/AccessRules</c> (the engine), not by the build: a
    /// document's <c>access</c>, and the top-level <c>folders</c> (by path prefix) and <c>defaultAccess</c>. Named
    /// here, with the rest of the file's format, so that reading the catalogue can pass over them.
    /// </summary>
    public const string AccessKey = "access";

    /// <summary>Top-level key: access rules by folder prefix (see <see cref="AccessKey"/>).</summary>
    public const string FoldersKey = "folders";

    /// <summary>Top-level key: the access rule of documents no other rule names (see <see cref="AccessKey"/>).</summary>
    public const string DefaultAccessKey = "defaultAccess";

    /// <summary>An empty catalogue.</summary>
    public static Catalog Empty { get; } = new(new Dictionary<string, CatalogEntry>(StringComparer.Ordinal));

    /// <summary>Creates a catalogue from entries keyed by document id (file name without extension).</summary>
    public Catalog(IReadOnlyDictionary<string, CatalogEntry> documents)
    {
        Documents = documents;
    }

    /// <summary>Entries keyed by document id (file name without extension).</summary>
    public IReadOnlyDictionary<string, CatalogEntry> Documents { get; }

    /// <summary>The entry for <paramref name="docId"/>, or null.</summary>
    public CatalogEntry? Find(string docId) => Documents.TryGetValue(docId, out var entry) ? entry : null;

    /// <summary>
    /// Reads <c>catalog.json</c> from <paramref name="seedsDirectory"/>: null when there is none;
    /// <see cref="ProblemCodes.CatalogInvalid"/> naming the file, line and position when it is malformed.
    /// </summary>
    public static Result<Catalog?> Load(string seedsDirectory)
    {
        var path = Path.Combine(seedsDirectory, FileName);
        if (!File.Exists(path))
        {
            return Result<Catalog?>.Ok(null);
        }
        var decoded = TextDecoder.Decode(File.ReadAllBytes(path), path);
        if (!decoded.IsSuccess)
        {
            return Result<Catalog?>.Fail(decoded.Problems);
        }
        var parsed = Parse(decoded.Value, path);
        return parsed.IsSuccess ? Result<Catalog?>.Ok(parsed.Value) : Result<Catalog?>.Fail(parsed.Problems);
    }

    /// <summary>
    /// <see cref="Load"/>, but a catalogue that cannot be read or parsed is left out: its problem goes to
    /// <paramref name="warnings"/> and the documents are read as they are. One bad file of corrections must not
    /// keep the whole corpus out of the index.
    /// </summary>
    public static Catalog? LoadOrWarn(string seedsDirectory, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        Result<Catalog?> loaded;
        try
        {
            loaded = Load(seedsDirectory);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            warnings.Add(IngestMessages.CatalogIgnored($"'{FileName}' cannot be read: {e.Message}."));
            return null;
        }
        if (loaded.IsSuccess)
        {
            return loaded.Value;
        }
        foreach (var problem in loaded.Problems)
        {
            warnings.Add(IngestMessages.CatalogIgnored(problem.Message));
        }
        return null;
    }

    /// <summary>Parses catalogue JSON; <paramref name="path"/> names the file in problems.</summary>
    public static Result<Catalog> Parse(string json, string path)
    {
        var name = Path.GetFileName(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            return new Problem(ProblemCodes.CatalogInvalid, IngestMessages.CatalogInvalid(name, ex.LineNumber, ex.BytePositionInLine, ex.Message), path);
        }
        using (document)
        {
            var root = document.RootElement;
            // A catalogue of access rules alone (folders, defaultAccess) needs no "documents".
            var accessOnly = root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("documents", out _)
                && (root.TryGetProperty(FoldersKey, out _) || root.TryGetProperty(DefaultAccessKey, out _));
            if (accessOnly)
            {
                return new Catalog(new Dictionary<string, CatalogEntry>(StringComparer.Ordinal));
            }
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("documents", out var documents)
                || documents.ValueKind != JsonValueKind.Object)
            {
                return Invalid(name, path, "expected an object with a \"documents\" object.");
            }
            var entries = new Dictionary<string, CatalogEntry>(StringComparer.Ordinal);
            foreach (var property in documents.EnumerateObject())
            {
                var entry = ReadEntry(property.Value);
                if (entry is null)
                {
                    return Invalid(name, path, $"the entry \"{property.Name}\" must be an object with title (string), year (integer), type ("
                        + $"{DocumentTypes.AnnualPlan}, {DocumentTypes.WorkReport}, {DocumentTypes.FiveYearPlan}, {DocumentTypes.Other}), period (string or null), "
                        + "url, number, issuer (strings) and writtenDate, publishedDate (\"YYYY-MM-DD\").");
                }
                entries[property.Name] = entry;
            }
            return new Catalog(entries);
        }
    }

    /// <summary>
    /// The catalogue's bytes without its access rules (documents' <c>access</c>, <c>folders</c>,
    /// <c>defaultAccess</c>), in one canonical form: what the text index depends on, so that a change of access
    /// alone does not make the index stale. Bytes that are not a JSON object are returned as they are.
    /// </summary>
    public static byte[] WithoutAccessRules(byte[] catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        JsonNode? root;
        try
        {
            var decoded = TextDecoder.Decode(catalog, FileName);
            if (!decoded.IsSuccess)
            {
                return catalog;
            }
            root = JsonNode.Parse(decoded.Value, documentOptions: s_jsonOptions);
        }
        catch (JsonException)
        {
            return catalog;
        }
        if (root is not JsonObject top)
        {
            return catalog;
        }
        top.Remove(FoldersKey);
        top.Remove(DefaultAccessKey);
        if (top["documents"] is JsonObject entries)
        {
            foreach (var (_, entry) in entries)
            {
                (entry as JsonObject)?.Remove(AccessKey);
            }
        }
        return Encoding.UTF8.GetBytes(top.ToJsonString());
    }

    private static readonly JsonDocumentOptions s_jsonOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private static Problem Invalid(string name, string path, string detail) =>
        new(ProblemCodes.CatalogInvalid, IngestMessages.CatalogInvalid(name, null, null, detail), path);

    private static CatalogEntry? ReadEntry(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        string? title = null;
        int? year = null;
        string? type = null;
        string? period = null;
        var hasPeriod = false;
        string? url = null, number = null, issuer = null;
        DateOnly? written = null, published = null;
        foreach (var field in element.EnumerateObject())
        {
            var value = field.Value;
            switch (field.Name)
            {
                case "title" when value.ValueKind is JsonValueKind.String or JsonValueKind.Null:
                    title = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                    break;
                case "year" when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var y) && y is >= 1000 and <= 9999:
                    year = y;
                    break;
                case "year" when value.ValueKind == JsonValueKind.Null:
                    break;
                case "type" when value.ValueKind == JsonValueKind.String && DocumentTypes.IsKnown(value.GetString()):
                    type = value.GetString();
                    break;
                case "type" when value.ValueKind == JsonValueKind.Null:
                    break;
                case "period" when value.ValueKind is JsonValueKind.String or JsonValueKind.Null:
                    period = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                    hasPeriod = true;
                    break;
                case "url" or "number" or "issuer" when value.ValueKind is JsonValueKind.String or JsonValueKind.Null:
                    var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                    _ = field.Name switch { "url" => url = text, "number" => number = text, _ => issuer = text };
                    break;
                case "writtenDate" or "publishedDate" when value.ValueKind == JsonValueKind.Null:
                    break;
                case AccessKey:
                    // Who may see the document: read by the engine (Access.AccessRules), not part of the text index.
                    break;
                case "writtenDate" or "publishedDate" when value.ValueKind == JsonValueKind.String
                    && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                        System.Globalization.DateTimeStyles.None, out var date):
                    if (field.Name == "writtenDate")
                    {
                        written = date;
                    }
                    else
                    {
                        published = date;
                    }
                    break;
                default:
                    return null;
            }
        }
        return new CatalogEntry(title, year, type, period, hasPeriod)
        {
            Url = url,
            Number = number,
            Issuer = issuer,
            WrittenDate = written,
            PublishedDate = published,
        };
    }
}
