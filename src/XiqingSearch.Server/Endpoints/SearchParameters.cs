using System.Globalization;
using Microsoft.Extensions.Primitives;
using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Server.Http;

namespace XiqingSearch.Server.Endpoints;

/// <summary>
/// Turns the query string of <c>GET /api/search</c> into a <see cref="SearchRequest"/>, or the problem with the
/// parameter it is about. Only the text is read here (integers, names, year syntax); the bounds of every value
/// are Core's <see cref="SearchLimits"/>, which the engine checks once for the CLI and HTTP alike.
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
        var q = query["q"].ToString();
        if (string.IsNullOrWhiteSpace(q))
        {
            return Bad("q", ServerMessages.Required("q"));
        }

        if (!TryInt(query, "offset", 0, out var offset, out var bad))
        {
            return bad;
        }
        if (!TryInt(query, "limit", SearchLimits.DefaultLimit, out var limit, out bad))
        {
            return bad;
        }
        if (!TryInt(query, "facetSize", SearchLimits.DefaultFacetSize, out var facetSize, out bad))
        {
            return bad;
        }

        var sortText = query["sort"].ToString();
        var sort = SearchSort.Relevance;
        if (sortText.Length > 0 && !SearchSortNames.TryParse(sortText, out sort))
        {
            return Bad("sort", ServerMessages.UnknownValue("sort", sortText, string.Join(", ", SearchSortNames.All)));
        }

        if (!TryBool(query, "ocr", out var ocr, out bad) || !TryBool(query, "exact", out var exact, out bad))
        {
            return bad;
        }

        var years = SearchLimits.ParseYears(Values(query, "year"));
        if (!years.IsSuccess)
        {
            return new Parsed(null, years.Problems[0], null);
        }

        return new Parsed(new SearchRequest
        {
            Query = q,
            Offset = offset,
            Limit = limit,
            FacetSize = facetSize,
            Sort = sort,
            Years = years.Value,
            Topics = [.. Values(query, "topic")],
            Chapters = [.. Values(query, "chapter")],
            Docs = [.. Values(query, "doc")],
            Kinds = [.. Values(query, "kind")],
            Headings = [.. Values(query, "heading")],
            Types = [.. Values(query, "type")],
            Issuers = [.. Values(query, "issuer")],
            Ocr = ocr,
            Exact = exact == true,
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
        Append(key, request.Years.Select(y => y.From.ToString(CultureInfo.InvariantCulture) + ".." + y.To.ToString(CultureInfo.InvariantCulture)));
        Append(key, request.Topics);
        Append(key, request.Chapters);
        Append(key, request.Docs);
        Append(key, request.Kinds);
        Append(key, request.Headings);
        Append(key, request.Types);
        Append(key, request.Issuers);
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

    private static IEnumerable<string> Values(IQueryCollection query, string name)
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

    private static bool TryInt(IQueryCollection query, string name, int fallback, out int value, out Parsed bad)
    {
        bad = default;
        value = fallback;
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return true;
        }
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            bad = Bad(name, ServerMessages.NotAnInteger(name, text));
            return false;
        }
        return true;
    }

    /// <summary><c>true</c> or <c>false</c> (any case); absent is null.</summary>
    private static bool TryBool(IQueryCollection query, string name, out bool? value, out Parsed bad)
    {
        bad = default;
        value = null;
        var text = query[name].ToString().Trim();
        if (text.Length == 0)
        {
            return true;
        }
        if (!bool.TryParse(text, out var parsed))
        {
            bad = Bad(name, ServerMessages.UnknownValue(name, text, "true, false"));
            return false;
        }
        value = parsed;
        return true;
    }

    private static Parsed Bad(string parameter, string message) =>
        new(null, new Problem(ProblemCodes.BadParameter, message), parameter);
}
