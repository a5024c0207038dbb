using Microsoft.Extensions.Primitives;

namespace XiqingSearch.Server.Endpoints;

/// <summary>
/// Turns the query string of <c>GET /api/search</c> into a <see cref="SearchRequest"/>, or the problem with the
/// parameter it is about, by Core's declarations of the parameters (<see cref="RequestDeclarations"/>): their
/// names, types and defaults, and the wording of a value that cannot be read. The bounds of every value are Core's
/// <see cref="SearchLimits"/>, which the engine checks once for the CLI and HTTP alike.
/// </summary>
internal static class SearchParameters
{
    /// <summary>A parsed request, or the problem and the parameter it is about.</summary>
    public readonly record struct Parsed(SearchRequest? Request, Problem? Problem, string? Parameter);

    /// <summary>Parses the query string.</summary>
    public static Parsed Parse(IQueryCollection query)
    {
        if (query["q"].Count > 1)
        {
            // Joining them (ASP.NET Core's default, with a comma) would search for something nobody typed.
            return Bad("q", ServerMessages.Repeated("q"));
        }
        // A missing or blank query is Core's query.empty, as the CLI reports it (SearchLimits.Check).
        var q = query["q"].ToString();

        var offset = RequestDeclarations.Offset.ParseInteger(query[RequestDeclarations.Offset.Name].ToString());
        var limit = RequestDeclarations.Limit.ParseInteger(query[RequestDeclarations.Limit.Name].ToString());
        var facetSize = RequestDeclarations.FacetSize.ParseInteger(query[RequestDeclarations.FacetSize.Name].ToString());
        var sort = RequestDeclarations.ParseSort(query[RequestDeclarations.Sort.Name].ToString());
        var ocr = RequestDeclarations.Ocr.ParseBoolean(query[RequestDeclarations.Ocr.Name].ToString());
        var exact = RequestDeclarations.Exact.ParseBoolean(query[RequestDeclarations.Exact.Name].ToString());
        // The first value that cannot be read, in the order the parameters are declared.
        var problem = new[] { offset.Problems, limit.Problems, facetSize.Problems, sort.Problems, ocr.Problems, exact.Problems }
            .SelectMany(p => p).FirstOrDefault();
        if (problem is not null)
        {
            return new Parsed(null, problem, null);
        }
        var filters = FilterDeclaration.Read(declaration => Values(query, declaration.Name));
        if (!filters.IsSuccess)
        {
            return new Parsed(null, filters.Problems[0], null);
        }

        return new Parsed(new SearchRequest
        {
            Query = q,
            Offset = offset.Value,
            Limit = limit.Value,
            FacetSize = facetSize.Value,
            Sort = sort.Value,
            Filters = filters.Value,
            Ocr = ocr.Value,
            Exact = exact.Value == true,
        }, null, null);
    }

    /// <summary>
    /// The request as a cache key: every field of <paramref name="request"/> in a fixed order, the values of a
    /// multi-valued filter sorted and without repeats (they are ORed, so order and repeats do not change the
    /// answer). Parameters the API does not know never reach it, so they cannot make new entries.
    /// </summary>
    public static string CacheKey(SearchRequest request)
    {
        var key = new System.Text.StringBuilder(request.Query.Length + 64);
        key.Append(request.Query).Append('\u001f')
            .Append(request.Offset.ToString(CultureInfo.InvariantCulture)).Append('\u001f')
            .Append(request.Limit.ToString(CultureInfo.InvariantCulture)).Append('\u001f')
            .Append((int)request.Sort).Append('\u001f')
            .Append(request.FacetSize.ToString(CultureInfo.InvariantCulture));
        foreach (var filter in RequestDeclarations.Filters)
        {
            Append(key, filter.Values(request.Filters));
        }
        key.Append('\u001e').Append(request.Ocr switch { true => 't', false => 'f', null => '-' })
            .Append(request.Exact ? 'x' : '-');
        return key.ToString();

        static void Append(System.Text.StringBuilder key, IEnumerable<string> values)
        {
            key.Append('\u001e');
            foreach (var value in values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                key.Append(value).Append('\u001f');
            }
        }
    }

    /// <summary>The values of a repeated parameter, blank ones skipped and the rest trimmed.</summary>
    public static IEnumerable<string> Values(IQueryCollection query, string name)
    {
        StringValues values = query[name];
        foreach (var value in values)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                yield return value.Trim();
            }
        }
    }

    private static Parsed Bad(string parameter, string message) =>
        new(null, new Problem(ProblemCodes.BadParameter, message), parameter);
}
