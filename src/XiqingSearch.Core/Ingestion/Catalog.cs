using System.Text.Json;
using XiqingSearch.Core.Problems;

namespace XiqingSearch.Core.Ingestion;

/// <summary>
/// The optional <c>catalog.json</c> in the seeds folder: per-document corrections of title, year, type and period,
/// because real archives need them.
/// <code>{ "documents": { "000_313d8db390bab93c": { "title": "…", "year": 2024, "type": "annual-plan", "period": null } } }</code>
/// </summary>
public sealed class Catalog
{
    /// <summary>The catalogue's file name in the seeds folder.</summary>
    public const string FileName = "catalog.json";

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
        var decoded = Utf8Reader.Decode(File.ReadAllBytes(path), path);
        if (!decoded.IsSuccess)
        {
            return Result<Catalog?>.Fail(decoded.Problems);
        }
        var parsed = Parse(decoded.Value, path);
        return parsed.IsSuccess ? Result<Catalog?>.Ok(parsed.Value) : Result<Catalog?>.Fail(parsed.Problems);
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
                        + $"{DocumentTypes.AnnualPlan}, {DocumentTypes.WorkReport}, {DocumentTypes.FiveYearPlan}, {DocumentTypes.Other}), period (string or null), url, number, issuer (strings) and writtenDate, publishedDate (yyyy-MM-dd).");
                }
                entries[property.Name] = entry;
            }
            return new Catalog(entries);
        }
    }

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
        var facts = DocumentFacts.None;
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
                    var text = value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()) ? value.GetString()!.Trim() : null;
                    facts = field.Name switch
                    {
                        "url" => facts with { SourceUrl = text },
                        "number" => facts with { Number = text },
                        _ => facts with { Issuer = text },
                    };
                    break;
                case "writtenDate" or "publishedDate" when value.ValueKind == JsonValueKind.Null:
                    break;
                case "writtenDate" or "publishedDate" when value.ValueKind == JsonValueKind.String
                    && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                        System.Globalization.DateTimeStyles.None, out var date):
                    facts = field.Name == "writtenDate" ? facts with { WrittenDate = date } : facts with { PublishedDate = date };
                    break;
                default:
                    return null;
            }
        }
        return new CatalogEntry(title, year, type, period, hasPeriod) { Facts = facts };
    }
}
