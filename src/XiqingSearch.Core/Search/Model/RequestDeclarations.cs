using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Problems;

namespace XiqingSearch.Core.Search.Model;

/// <summary>
/// The parameters of every request over hits — search (and its export), compare, new-terms — declared once as data
/// (<see cref="ParameterDeclaration"/>): the CLI's options, HTTP's binding, the OpenAPI parameters and the limits
/// served to the page are all made from these. The filters (<see cref="Filters"/>) are one list shared by every verb;
/// a verb's subject (new-terms' year, compare's phrases) is its own parameter, not a filter, declared with its verb
/// (<c>Analytics/AnalyticsDeclarations</c>).
/// </summary>
public static class RequestDeclarations
{
    private const string Repeat = " Repeat for more (ORed).";

    // ---- The filters, shared by search, its export, compare and new-terms ------------------------------------

    /// <summary><c>year</c>: years to keep.</summary>
    public static ParameterDeclaration Year { get; } = Filter(RequestParameter.Year, "year", ParameterValueType.Year,
        "Keep these years: 2024, 2021..2023 or unknown (documents of no known year)." + Repeat, helpName: "Y|FROM..TO|unknown");

    /// <summary><c>topic</c>: topics to keep.</summary>
    public static ParameterDeclaration Topic { get; } = Filter(RequestParameter.Topic, "topic", ParameterValueType.Text,
        "Keep this topic (as the topic facet names it)." + Repeat, valuesFrom: "the topic facet", helpName: "T");

    /// <summary><c>chapter</c>: the chapter facet's exact paths to keep (HTTP only: the CLI's --chapter is <see cref="Heading"/>).</summary>
    public static ParameterDeclaration Chapter { get; } = Filter(RequestParameter.Chapter, "chapter", ParameterValueType.Text,
        "Keep a chapter facet value: a heading path joined with ' > ' (prefix match on the path)." + Repeat, valuesFrom: "the chapter facet", helpName: "C");

    /// <summary><c>heading</c>: text of a heading, anywhere in the chapter path.</summary>
    public static ParameterDeclaration Heading { get; } = Filter(RequestParameter.Heading, "heading", ParameterValueType.Text,
        "Keep paragraphs under a heading containing this text, at any level (as chapter: in the query)." + Repeat, helpName: "C");

    /// <summary><c>doc</c>: documents to keep.</summary>
    public static ParameterDeclaration Doc { get; } = Filter(RequestParameter.Doc, "doc", ParameterValueType.Text,
        "Keep this document (file name without extension)." + Repeat, valuesFrom: "the doc facet", helpName: "D");

    /// <summary><c>kind</c>: paragraph kinds to keep.</summary>
    public static ParameterDeclaration Kind { get; } = Filter(RequestParameter.Kind, "kind", ParameterValueType.Choice,
        "Keep this kind: paragraph, heading or table-row." + Repeat, allowed: ParagraphKindNames.All, helpName: "K");

    /// <summary><c>type</c>: document types to keep.</summary>
    public static ParameterDeclaration Type { get; } = Filter(RequestParameter.Type, "type", ParameterValueType.Choice,
        "Keep this document type: annual-plan, work-report, five-year-plan or other." + Repeat, allowed: DocumentTypes.All, helpName: "TYPE");

    /// <summary><c>issuer</c>: issuers (发文机关) to keep.</summary>
    public static ParameterDeclaration Issuer { get; } = Filter(RequestParameter.Issuer, "issuer", ParameterValueType.Text,
        "Keep documents of this issuer (发文机关, as the issuer facet names it)." + Repeat, valuesFrom: "the issuer facet", helpName: "ISSUER");

    /// <summary>Every filter, in the order help and the API list them, with where its values live in <see cref="Filters"/>.</summary>
    public static IReadOnlyList<FilterDeclaration> Filters { get; } =
    [
        new() { Parameter = Year, Values = f => f.Years.Select(y => y.ToString()), With = WithYears },
        Strings(Topic, f => f.Topics, (f, v) => f with { Topics = v }),
        Strings(Chapter, f => f.Chapters, (f, v) => f with { Chapters = v }),
        Strings(Heading, f => f.Headings, (f, v) => f with { Headings = v }),
        Strings(Doc, f => f.Docs, (f, v) => f with { Docs = v }),
        Strings(Kind, f => f.Kinds, (f, v) => f with { Kinds = v }),
        Strings(Type, f => f.Types, (f, v) => f with { Types = v }),
        Strings(Issuer, f => f.Issuers, (f, v) => f with { Issuers = v }),
    ];

    /// <summary>The filters new-terms takes: all but the year, which is its subject.</summary>
    public static IReadOnlyList<FilterDeclaration> FiltersWithoutYear { get; } = [.. Filters.Where(f => f.Parameter != Year)];

    // ---- Search --------------------------------------------------------------------------------------------

    /// <summary><c>q</c>: the query.</summary>
    public static ParameterDeclaration Query { get; } = new()
    {
        Parameter = RequestParameter.Query,
        Name = "q",
        Type = ParameterValueType.Text,
        Required = true,
        MaxLength = SearchLimits.MaxQueryLength,
        Description = "The query: words, \"exact phrases\", AND / OR / NOT, parentheses, field filters (year:, topic:, chapter:, doc:, kind:, title:, issuer:, number:, ocr:).",
    };

    /// <summary><c>ocr</c>: recognised text only (true), exact text only (false), or both.</summary>
    public static ParameterDeclaration Ocr { get; } = new()
    {
        Parameter = RequestParameter.Ocr,
        Name = "ocr",
        Type = ParameterValueType.Boolean,
        Description = "false: exact text only, leaving out paragraphs recognised from scans; true: recognised text only; absent: both.",
    };

    /// <summary><c>exact</c>: approximate matching off.</summary>
    public static ParameterDeclaration Exact { get; } = new()
    {
        Parameter = RequestParameter.Exact,
        Name = "exact",
        Type = ParameterValueType.Boolean,
        Description = "No approximate matching: recognised (OCR) text matches a phrase only exactly, as other text does.",
    };

    /// <summary><c>sort</c>: the hit order.</summary>
    public static ParameterDeclaration Sort { get; } = new()
    {
        Parameter = RequestParameter.Sort,
        Name = "sort",
        Type = ParameterValueType.Choice,
        Default = SearchSortNames.Relevance,
        Allowed = SearchSortNames.All,
        Description = "Hit order: relevance, year (newest first), oldest (oldest first) or document (reading order); the unknown year comes last in both year orders.",
    };

    /// <summary><c>offset</c>: hits to skip.</summary>
    public static ParameterDeclaration Offset { get; } = new()
    {
        Parameter = RequestParameter.Offset,
        Name = "offset",
        Type = ParameterValueType.Number,
        Default = "0",
        Min = 0,
        Max = SearchLimits.MaxOffset,
        HelpName = "N",
        Description = $"Hits to skip (0..{SearchLimits.MaxOffset}); a view's page only: an export holds every hit.",
    };

    /// <summary><c>limit</c>: hits per page.</summary>
    public static ParameterDeclaration Limit { get; } = new()
    {
        Parameter = RequestParameter.Limit,
        Name = "limit",
        Type = ParameterValueType.Number,
        Default = Number(SearchLimits.DefaultLimit),
        Min = SearchLimits.MinLimit,
        Max = SearchLimits.MaxLimit,
        HelpName = "N",
        Description = $"Hits per page ({SearchLimits.MinLimit}..{SearchLimits.MaxLimit}, default {SearchLimits.DefaultLimit}); a view's page only: an export holds every hit.",
    };

    /// <summary><c>facetSize</c>: values per facet.</summary>
    public static ParameterDeclaration FacetSize { get; } = new()
    {
        Parameter = RequestParameter.FacetSize,
        Name = "facetSize",
        Type = ParameterValueType.Number,
        Default = Number(SearchLimits.DefaultFacetSize),
        Min = 0,
        Max = SearchLimits.MaxFacetSize,
        HelpName = "N",
        Description = $"Values per facet, those with most hits; selected values are always listed (0: all; default {SearchLimits.DefaultFacetSize}).",
    };

    /// <summary>Search's parameters besides its filters.</summary>
    public static IReadOnlyList<ParameterDeclaration> Search { get; } = [Query, Ocr, Exact, Sort, Offset, Limit, FacetSize];


    /// <summary>
    /// The problem for <paramref name="value"/> that is none of <paramref name="allowed"/> (a front end's own list,
    /// such as its formats): one wording for every front end.
    /// </summary>
    public static Problem Unknown(RequestParameter parameter, string value, IReadOnlyList<string> allowed) =>
        SearchMessages.UnknownValue(parameter, value, allowed);

    /// <summary>
    /// The hit order <paramref name="text"/> names (any case; <c>newest</c> too; empty: relevance), or the problem
    /// listing the orders, worded once for both front ends.
    /// </summary>
    public static Result<SearchSort> ParseSort(string? text)
    {
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return SearchSort.Relevance;
        }
        return SearchSortNames.TryParse(trimmed, out var sort) ? sort : Sort.Unknown(trimmed, Sort.Allowed);
    }

    private static ParameterDeclaration Filter(RequestParameter parameter, string name, ParameterValueType type, string description,
        IReadOnlyList<string>? allowed = null, string? valuesFrom = null, string? helpName = null) => new()
        {
            Parameter = parameter,
            Name = name,
            Type = type,
            Repeats = true,
            MaxValues = SearchLimits.MaxValues,
            MaxLength = SearchLimits.MaxValueLength,
            Allowed = allowed ?? [],
            ValuesFrom = valuesFrom,
            HelpName = helpName,
            Description = description,
        };

    private static FilterDeclaration Strings(ParameterDeclaration parameter, Func<Filters, IReadOnlyList<string>> get,
        Func<Filters, IReadOnlyList<string>, Filters> set) =>
        new() { Parameter = parameter, Values = get, With = (f, v) => set(f, v) };

    private static Result<Filters> WithYears(Filters filters, IReadOnlyList<string> values)
    {
        var years = SearchLimits.ParseYears(values);
        return years.IsSuccess ? filters with { Years = years.Value } : Result<Filters>.Fail(years.Problems);
    }

    internal static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
