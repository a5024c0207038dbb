using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Server.Endpoints;

/// <summary>
/// What the generated OpenAPI document cannot know from the handlers, which read the query string themselves so
/// that every bad value gets our own error body: the parameters of each route with their types and limits, the
/// admin key's security scheme, and integer path numbers.
/// </summary>
internal static partial class OpenApiDocumentation
{
    /// <summary>The security scheme's name in <c>components.securitySchemes</c>.</summary>
    public const string AdminKeyScheme = "adminKey";

    private const string DocDescription = "Document id: the file's path in the seeds folder without extension. An id with '/' " +
        "(a document in a subfolder) is given as path segments (/api/documents/sub/doc/paragraphs/1), each segment percent-encoded, or whole with '/' as %2F.";

    public static void Apply(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[AdminKeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "X-Xiqing-Key",
            Description = "The configured admin key (Xiqing:AdminKey, XIQING_ADMIN_KEY or --admin-key); " +
                "`Authorization: Bearer KEY` works too. Without a configured key the admin routes answer 404.",
        };

        var search = Operation(document, "/api/search");
        if (search is not null)
        {
            search.Parameters = [
                Query("q", JsonSchemaType.String, "The query: phrases, \"quoted phrases\", AND / OR / NOT, parentheses, " +
                    "field filters (year:, topic:, chapter:, doc:, kind:, title:, issuer:, number:; year:unknown for documents of no known year). At most 500 characters.", required: true, maxLength: 500),
                Repeated("year", "A year (2024), a range (2021..2023) or unknown (documents of no known year); repeat for more (ORed)."),
                Repeated("issuer", "An issuer (发文机关) as the issuer facet names it; repeat for more (ORed). The issuer facet's own counts ignore it (multi-select)."),
                Repeated("topic", "A topic name; repeat for more (ORed)."),
                Repeated("chapter", "A chapter facet value: a heading path joined with ' > ' (prefix match on the path); repeat for more (ORed)."),
                Repeated("heading", "Text of a heading, or part of one, anywhere in the chapter path (as chapter: in q); repeat for more (ORed)."),
                Repeated("doc", "A document id (file name without extension); repeat for more (ORed)."),
                Repeated("kind", "paragraph, heading or table-row; repeat for more (ORed).", [.. ParagraphKindNames.All]),
                Repeated("type", "Document type: annual-plan, work-report, five-year-plan or other; repeat for more (ORed). " +
                    "The type facet's own counts ignore it (multi-select).", [.. DocumentTypes.All]),
                Query("sort", JsonSchemaType.String, "Hit order: relevance (default), year (newest first), oldest, document (reading order).",
                    values: [.. SearchSortNames.All]),
                Query("offset", JsonSchemaType.Integer, $"Hits to skip, 0..{SearchLimits.MaxOffset} (default 0).", minimum: 0, maximum: SearchLimits.MaxOffset),
                Query("limit", JsonSchemaType.Integer, $"Hits per page, {SearchLimits.MinLimit}..{SearchLimits.MaxLimit} (default {SearchLimits.DefaultLimit}).", minimum: SearchLimits.MinLimit, maximum: SearchLimits.MaxLimit),
                Query("facetSize", JsonSchemaType.Integer, $"Values per facet, those with most hits; selected values are always listed " +
                    $"(default {SearchLimits.DefaultFacetSize}; 0: all). A facet that was cut is named in facetsOmitted with the values, " +
                    "hits and occurrences it left out.", minimum: 0, maximum: SearchLimits.MaxFacetSize),
                Query("format", JsonSchemaType.String, "json (default): the result model; csv: every occurrence of every hit " +
                    "(offset and limit do not apply) as text/csv, UTF-8 with BOM, the columns of `xiqing search --format csv`.",
                    values: ["json", "csv"]),
            ];
            if (search.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse okResponse)
            {
                okResponse.Content ??= new Dictionary<string, OpenApiMediaType>();
                okResponse.Content["text/csv"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }
        }

        var document1 = Operation(document, "/api/documents/{doc}");
        if (document1 is not null)
        {
            document1.Parameters = [
                Path("doc", JsonSchemaType.String, DocDescription),
                Query("q", JsonSchemaType.String, "Optional query whose occurrences are highlighted.", maxLength: 500),
            ];
        }

        var paragraph = Operation(document, "/api/documents/{doc}/paragraphs/{n}");
        if (paragraph is not null)
        {
            paragraph.Parameters = [
                Path("doc", JsonSchemaType.String, DocDescription),
                Path("n", JsonSchemaType.Integer, "1-based paragraph number.", minimum: 1),
                Query("context", JsonSchemaType.Integer, $"Neighbours each side, 0..{SearchLimits.MaxContext} (default {SearchLimits.DefaultContext}).", minimum: 0, maximum: SearchLimits.MaxContext),
            ];
        }

        var original = Operation(document, "/api/documents/{doc}/original");
        if (original is not null)
        {
            original.Parameters = [
                Path("doc", JsonSchemaType.String, DocDescription),
                Query("file", JsonSchemaType.String, "One of the document's `copies` (a file name as /api/documents lists it); default: the document's own file."),
            ];
            if (original.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse okResponse)
            {
                okResponse.Description = "The file: application/pdf inline; DOCX, HTML, Markdown, text and anything else as an attachment " +
                    "with Content-Security-Policy: sandbox and X-Content-Type-Options: nosniff.";
                okResponse.Content ??= new Dictionary<string, OpenApiMediaType>();
                okResponse.Content["application/octet-stream"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            }
        }

        // Operations grouped by what they are about, not under the assembly's name.
        document.Tags = new HashSet<OpenApiTag>();
        var tagNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, item) in document.Paths)
        {
            var tag = path switch
            {
                "/api/search" => "search",
                "/healthz" or "/readyz" => "health",
                _ when path.StartsWith("/api/admin", StringComparison.Ordinal) => "admin",
                _ => "documents",
            };
            if (tagNames.Add(tag))
            {
                document.Tags.Add(new OpenApiTag { Name = tag });
            }
            foreach (var operation in item.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                operation.Tags = new HashSet<OpenApiTagReference> { new(tag, document) };
            }
        }

        foreach (var schema in document.Components.Schemas?.Values ?? [])
        {
            CleanDescriptions(schema, depth: 0);
        }

        var reindex = Operation(document, "/api/admin/reindex", HttpMethod.Post);
        if (reindex is not null)
        {
            reindex.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AdminKeyScheme, document)] = [] }];
        }
    }

    /// <summary>
    /// The schema descriptions come from the C# doc comments, where a reference such as
    /// <c>&lt;see cref="Text"/&gt;</c> is rendered as <c>string SearchHit.Text</c>: readers of the API see the
    /// JSON name instead (<c>`text`</c>).
    /// </summary>
    private static void CleanDescriptions(IOpenApiSchema schema, int depth)
    {
        if (depth > 8 || schema is not OpenApiSchema concrete)
        {
            return;
        }
        if (concrete.Description is { } description)
        {
            concrete.Description = CleanDescription(description);
        }
        foreach (var property in concrete.Properties?.Values ?? [])
        {
            CleanDescriptions(property, depth + 1);
        }
        if (concrete.Items is not null)
        {
            CleanDescriptions(concrete.Items, depth + 1);
        }
    }

    /// <summary>C# member references as JSON names; the serialiser's C# name dropped.</summary>
    internal static string CleanDescription(string description)
    {
        var text = MemberReference().Replace(description, m => "`" + char.ToLowerInvariant(m.Groups[1].Value[0]) + m.Groups[1].Value[1..] + "`");
        return text.Replace(" (XiqingJson)", "", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\b(?:(?:string|int|bool|float|double|long|IReadOnlyList<\w+>)\??\s+)?[A-Z]\w*\.([A-Z]\w*)\b")]
    private static partial Regex MemberReference();

    private static OpenApiOperation? Operation(OpenApiDocument document, string path, HttpMethod? method = null) =>
        document.Paths.TryGetValue(path, out var item) && item.Operations?.TryGetValue(method ?? HttpMethod.Get, out var operation) == true
            ? operation
            : null;

    private static OpenApiParameter Query(string name, JsonSchemaType type, string description, bool required = false,
        int? maxLength = null, int? minimum = null, int? maximum = null, string[]? values = null) => new()
        {
            Name = name,
            In = ParameterLocation.Query,
            Required = required,
            Description = description,
            Schema = Schema(type, maxLength, minimum, maximum, values),
        };

    private static OpenApiParameter Repeated(string name, string description, string[]? values = null) => new()
    {
        Name = name,
        In = ParameterLocation.Query,
        Description = description,
        Style = ParameterStyle.Form,
        Explode = true,
        Schema = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Schema(JsonSchemaType.String, SearchLimits.MaxValueLength, null, null, values), MaxItems = SearchLimits.MaxValues },
    };

    private static OpenApiParameter Path(string name, JsonSchemaType type, string description, int? minimum = null) => new()
    {
        Name = name,
        In = ParameterLocation.Path,
        Required = true,
        Description = description,
        Schema = Schema(type, null, minimum, null, null),
    };

    private static OpenApiSchema Schema(JsonSchemaType type, int? maxLength, int? minimum, int? maximum, string[]? values)
    {
        var schema = new OpenApiSchema { Type = type, MaxLength = maxLength };
        if (minimum is not null)
        {
            schema.Minimum = minimum.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (maximum is not null)
        {
            schema.Maximum = maximum.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (values is not null)
        {
            schema.Enum = [.. values.Select(v => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(v))];
        }
        return schema;
    }
}
