using System.Globalization;
using Microsoft.Extensions.Primitives;
using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Server.Http;

namespace XiqingSearch.Server.Endpoints;

/// <summary>
/// Turns the query string of <c>GET /api/search</c> into a <see cref="SearchRequest"/>, or the problem with the
/// parameter it is about.
/// </summary>
internal static class SearchParameters
{
    /// <summary>Largest page size over HTTP (the CLI allows up to <see cref="SearchRequest.MaxLimit"/>).</summary>
    public const int MaxLimit = 100;

    /// <summary>Largest offset over HTTP: deep paging is what the CLI's <c>--all</c> is for.</summary>
    public const int MaxOffset = 10_000;

    /// <summary>Most values one filter parameter may have.</summary>
    public const int MaxValues = 50;

    /// <summary>Most characters of one filter value.</summary>
    public const int MaxValueLength = 200;

    /// <summary>The wire names of <see cref="SearchSort"/>.</summary>
    public const string SortNames = "relevance, year (newest first), oldest, document";

    /// <summary>A parsed request, or the problem and the parameter it is about.</summary>
    public readonly record struct Parsed(SearchRequest? Request, Problem? Problem, string? Parameter);

    /// <summary>Parses and validates the query string.</summary>
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
        if (q.Length > SearchRequest.MaxQueryLength)
        {
            // Reported like any other query problem: the position is the first character past the limit.
            var tooLong = new Problem(ProblemCodes.QueryTooLong,
                ServerMessages.TooLong("q", SearchRequest.MaxQueryLength), q[..SearchRequest.MaxQueryLength],
                new TextSpan(SearchRequest.MaxQueryLength, q.Length));
            return new Parsed(null, tooLong, "q");
        }

        if (!TryInt(query, "offset", 0, 0, MaxOffset, out var offset, out var bad))
        {
            return bad;
        }
        if (!TryInt(query, "limit", 10, 1, MaxLimit, out var limit, out bad))
        {
            return bad;
        }

        var sortText = query["sort"].ToString();
        SearchSort? sort = sortText.ToLowerInvariant() switch
        {
            "" or "relevance" => SearchSort.Relevance,
            "year" or "newest" => SearchSort.Year,
            "oldest" => SearchSort.Oldest,
            "document" => SearchSort.Document,
            _ => null,
        };
        if (sort is null)
        {
            return Bad("sort", ServerMessages.UnknownValue("sort", sortText, SortNames));
        }

        var years = new List<YearRange>();
        foreach (var text in Values(query, "year"))
        {
            if (!YearRange.TryParse(text, out var range))
            {
                return Bad("year", ServerMessages.BadYear(text));
            }
            years.Add(range);
        }

        string[][] filters = new string[5][];
        string[] names = ["topic", "chapter", "doc", "kind", "heading"];
        for (var i = 0; i < names.Length; i++)
        {
            var values = Values(query, names[i]).ToArray();
            if (values.Length > MaxValues)
            {
                return Bad(names[i], ServerMessages.TooMany(names[i], MaxValues));
            }
            if (values.Any(v => v.Length > MaxValueLength))
            {
                return Bad(names[i], ServerMessages.TooLong(names[i], MaxValueLength));
            }
            filters[i] = values;
        }
        if (query["year"].Count > MaxValues)
        {
            return Bad("year", ServerMessages.TooMany("year", MaxValues));
        }

        return new Parsed(new SearchRequest
        {
            Query = q,
            Offset = offset,
            Limit = limit,
            Sort = sort.Value,
            Years = years,
            Topics = filters[0],
            Chapters = filters[1],
            Docs = filters[2],
            Kinds = filters[3],
            Headings = filters[4],
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
            .Append((int)request.Sort);
        Append(key, request.Years.Select(y => y.From.ToString(CultureInfo.InvariantCulture) + ".." + y.To.ToString(CultureInfo.InvariantCulture)));
        Append(key, request.Topics);
        Append(key, request.Chapters);
        Append(key, request.Docs);
        Append(key, request.Kinds);
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

    private static bool TryInt(IQueryCollection query, string name, int fallback, int min, int max, out int value,
        out Parsed bad)
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
        if (value < min || value > max)
        {
            bad = Bad(name, ServerMessages.OutOfRange(name, min, max));
            return false;
        }
        return true;
    }

    private static Parsed Bad(string parameter, string message) =>
        new(null, new Problem(ProblemCodes.BadParameter, message), parameter);
}
