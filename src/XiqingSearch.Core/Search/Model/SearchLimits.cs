namespace XiqingSearch.Core.Search.Model;

/// <summary>
/// The bounds of a request, the same for the CLI and HTTP: the one table of numbers and the one check of a request
/// against them. A value outside is <c>request.bad-parameter</c> (a query too long is <c>query.too-long</c>) with
/// the <see cref="RequestParameter"/> it came from; each front end names the parameter its own way.
/// <list type="table">
/// <item><term>query</term><description>at most <see cref="MaxQueryLength"/> UTF-16 units</description></item>
/// <item><term>limit</term><description><see cref="MinLimit"/>..<see cref="MaxLimit"/>, default <see cref="DefaultLimit"/>; <c>All</c> lifts it</description></item>
/// <item><term>offset</term><description>0..<see cref="MaxOffset"/> (deeper than that, take every hit)</description></item>
/// <item><term>context</term><description>0..<see cref="MaxContext"/> paragraphs each side, default <see cref="DefaultContext"/></description></item>
/// <item><term>years</term><description><see cref="MinYear"/>..<see cref="MaxYear"/>, in filters and in <c>year:</c> alike</description></item>
/// <item><term>filter values</term><description>at most <see cref="MaxValues"/> per filter, each at most <see cref="MaxValueLength"/> units</description></item>
/// </list>
/// What a query may cost once it runs (clauses, time) is <see cref="QueryLimits"/>, which a deployment chooses.
/// </summary>
public static class SearchLimits
{
    /// <summary>Most UTF-16 units a query may have.</summary>
    public const int MaxQueryLength = 500;

    /// <summary>Smallest page size.</summary>
    public const int MinLimit = 1;

    /// <summary>Largest page size: a page is read by a person; every hit at once is what <c>All</c> (<c>--all</c>, CSV) is for.</summary>
    public const int MaxLimit = 100;

    /// <summary>Page size when none is given.</summary>
    public const int DefaultLimit = 10;

    /// <summary>Values per facet when the request does not say (as Elasticsearch's terms <c>size</c>); 0 lists all.</summary>
    public const int DefaultFacetSize = 50;

    /// <summary>Largest facet size a request may ask for other than 0 (all).</summary>
    public const int MaxFacetSize = 100_000;

    /// <summary>Deepest offset, as Elasticsearch's result window: deep paging is what <c>All</c> is for.</summary>
    public const int MaxOffset = 10_000;

    /// <summary>Most neighbouring paragraphs shown each side of one paragraph (the whole document is its own view).</summary>
    public const int MaxContext = 20;

    /// <summary>Neighbouring paragraphs each side when none is given.</summary>
    public const int DefaultContext = 2;

    /// <summary>Earliest year a filter or <c>year:</c> accepts.</summary>
    public const int MinYear = 1000;

    /// <summary>Latest year a filter or <c>year:</c> accepts (years are four digits).</summary>
    public const int MaxYear = 9999;

    /// <summary>Most values one filter may have.</summary>
    public const int MaxValues = 50;

    /// <summary>Most UTF-16 units of one filter value.</summary>
    public const int MaxValueLength = 200;

    /// <summary>
    /// The first value of <paramref name="request"/> outside these limits, or null. The engine checks every search
    /// with it before the query is compiled; the front ends only parse text into a <see cref="SearchRequest"/>.
    /// </summary>
    public static Problem? Check(SearchRequest request) => CheckQuery(request) ?? CheckRest(request);

    /// <summary>
    /// The checks of <see cref="Check"/> on the query alone (blank, too long): all that differs between the requests
    /// of a comparison's phrases, whose other values are checked once.
    /// </summary>
    public static Problem? CheckQuery(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Query))
        {
            // Missing, empty or blank: one problem from every front end, as the query compiler words it.
            return SearchMessages.QueryEmpty() with
            {
                Source = request.Query ?? "",
                Span = new TextSpan(0, 0),
                Parameter = RequestParameter.Query,
            };
        }
        if (request.Query.Length > MaxQueryLength)
        {
            return SearchMessages.QueryTooLong(request.Query, MaxQueryLength);
        }
        return null;
    }

    private static Problem? CheckRest(SearchRequest request)
    {
        if (!request.All && (request.Limit < MinLimit || request.Limit > MaxLimit))
        {
            return SearchMessages.OutOfRange(RequestParameter.Limit, request.Limit, MinLimit, MaxLimit);
        }
        if (request.FacetSize < 0 || request.FacetSize > MaxFacetSize)
        {
            return SearchMessages.OutOfRange(RequestParameter.FacetSize, request.FacetSize, 0, MaxFacetSize);
        }
        if (request.Offset < 0 || request.Offset > MaxOffset)
        {
            return SearchMessages.OutOfRange(RequestParameter.Offset, request.Offset, 0, MaxOffset);
        }
        return CheckFilters(request.Filters);
    }

    /// <summary>
    /// The first filter value of <paramref name="filters"/> outside these limits (too many values, too long, a year
    /// out of range, a value a choice does not allow), or null: one check, by the filters' declarations, for every
    /// verb that takes them.
    /// </summary>
    public static Problem? CheckFilters(Filters filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        if (filters.Years.Count > MaxValues)
        {
            return SearchMessages.TooManyValues(RequestParameter.Year, filters.Years.Count, MaxValues);
        }
        foreach (var range in filters.Years)
        {
            if (!range.IsUnknown && (!IsYear(range.From) || !IsYear(range.To) || range.From > range.To))
            {
                return SearchMessages.BadYear(range.ToString());
            }
        }
        var declared = RequestDeclarations.Filters.Where(f => f.Parameter.Type != ParameterValueType.Year).ToList();
        foreach (var filter in declared)
        {
            if (CheckValues(filter.Parameter.Parameter, [.. filter.Values(filters)]) is { } problem)
            {
                return problem;
            }
        }
        foreach (var filter in declared.Where(f => f.Parameter.Allowed.Count > 0))
        {
            var allowed = filter.Parameter.Allowed;
            foreach (var value in filter.Values(filters))
            {
                if (!allowed.Contains(value, StringComparer.Ordinal))
                {
                    return filter.Parameter.Unknown(value, allowed);
                }
            }
        }
        return null;
    }

    /// <summary>Null when <paramref name="context"/> neighbours each side are allowed, else the problem.</summary>
    public static Problem? CheckContext(int context) =>
        context is < 0 or > MaxContext ? SearchMessages.OutOfRange(RequestParameter.Context, context, 0, MaxContext) : null;

    /// <summary>True for a year a filter or <c>year:</c> accepts.</summary>
    public static bool IsYear(int year) => year is >= MinYear and <= MaxYear;

    /// <summary>
    /// Parses year filter values (<c>2024</c>, <c>2021..2023</c>, <c>unknown</c>) as both front ends take them, or the problem with
    /// the first value that is not a year or range of years.
    /// </summary>
    public static Result<IReadOnlyList<YearRange>> ParseYears(IEnumerable<string> values)
    {
        var years = new List<YearRange>();
        foreach (var text in values)
        {
            if (!YearRange.TryParse(text, out var range))
            {
                return SearchMessages.BadYear(text);
            }
            years.Add(range);
        }
        return years;
    }

    private static Problem? CheckValues(RequestParameter parameter, IReadOnlyList<string> values)
    {
        if (values.Count > MaxValues)
        {
            return SearchMessages.TooManyValues(parameter, values.Count, MaxValues);
        }
        foreach (var value in values)
        {
            if (value.Length > MaxValueLength)
            {
                return SearchMessages.ValueTooLong(parameter, value.Length, MaxValueLength);
            }
        }
        return null;
    }
}
