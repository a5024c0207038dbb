using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using XiqingSearch.Core.Export;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Search.Analytics;
using XiqingSearch.Core.Search.Engine;

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
            // From Core's declarations: a parameter or filter declared there is listed here with its type and limits.
            search.Parameters = [
                .. RequestDeclarations.Search.Select(Declared),
                .. RequestDeclarations.Filters.Select(f => Declared(f.Parameter)),
                Query("format", JsonSchemaType.String, "json (default): the result model; csv: every occurrence of every hit " +
                    "(offset and limit do not apply) as text/csv, UTF-8 with BOM, the columns of `xiqing search --format csv`; " +
                    "docx: every hit as a Word document (query and filters at the top; title, year, chapter, page of each hit; every occurrence highlighted). " +
                    "csv and docx are bounded by Xiqing:Answers:MaxCsvRows occurrences (413 answer.too-large).",
                    values: ["json", "csv", "docx"]),
            ];
            if (search.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse okResponse)
            {
                okResponse.Content ??= new Dictionary<string, OpenApiMediaType>();
                okResponse.Content["text/csv"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                okResponse.Content[WordExport.ContentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            }
        }

        var suggest = Operation(document, "/api/suggest");
        if (suggest is not null)
        {
            suggest.Parameters = [
                Query("q", JsonSchemaType.String, "What has been typed; empty gives no suggestions.", maxLength: SearchLimits.MaxQueryLength),
                Query("limit", JsonSchemaType.Integer, $"Suggestions, 1..{SearchEngine.MaxSuggestions} (default 8).", minimum: 1, maximum: SearchEngine.MaxSuggestions),
            ];
        }

        var compare = Operation(document, "/api/compare");
        if (compare is not null)
        {
            compare.Parameters = [
                Declared(AnalyticsDeclarations.Phrases),
                .. RequestDeclarations.Filters.Select(f => Declared(f.Parameter)),
                Declared(AnalyticsDeclarations.CompareMultiYear),
                Query("format", JsonSchemaType.String, "json (default): the comparison model; csv: one row per phrase and year as text/csv " +
                    "(UTF-8 with BOM, an attachment), the columns of `xiqing compare --format csv`; docx: the table as a Word document. Any other value is 400 naming these.",
                    values: [.. AnalyticsEndpoints.CompareFormats]),
            ];
        }

        var newTerms = Operation(document, "/api/new-terms");
        if (newTerms is not null)
        {
            newTerms.Parameters = [
                .. AnalyticsDeclarations.NewTerms.Select(Declared),
                .. RequestDeclarations.FiltersWithoutYear.Select(f => Declared(f.Parameter)),
            ];
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

        var outline = Operation(document, "/api/documents/{doc}/outline");
        if (outline is not null)
        {
            outline.Parameters = [Path("doc", JsonSchemaType.String, DocDescription)];
            if (outline.Responses?.TryGetValue("404", out var missing) == true && missing is OpenApiResponse missingResponse)
            {
                missingResponse.Description = "request.not-found: no such document (as for /api/documents/{doc}).";
            }
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
                "/api/search" or "/api/suggest" => "search",
                "/api/compare" or "/api/new-terms" => "analytics",
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

    /// <summary>The OpenAPI parameter of a Core declaration: its name, type, bounds, allowed values and description.</summary>
    private static OpenApiParameter Declared(ParameterDeclaration declaration)
    {
        var values = declaration.Allowed.Count > 0 ? declaration.Allowed.ToArray() : null;
        if (declaration.Repeats)
        {
            var repeated = Repeated(declaration.Name, declaration.Description, values);
            repeated.Required = declaration.Required;
            var schema = (OpenApiSchema)repeated.Schema!;
            schema.Items = Schema(JsonSchemaType.String, declaration.MaxLength, null, null, values);
            schema.MaxItems = declaration.MaxValues;
            schema.MinItems = declaration.Required ? 1 : null;
            return repeated;
        }
        var type = declaration.Type switch
        {
            ParameterValueType.Number => JsonSchemaType.Integer,
            ParameterValueType.Boolean => JsonSchemaType.Boolean,
            _ => JsonSchemaType.String,
        };
        return Query(declaration.Name, type, declaration.Description, declaration.Required, declaration.MaxLength,
            declaration.Min, declaration.Max, values);
    }

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
