namespace XiqingSearch.Core.Search.Query;

/// <summary>
/// Joins a number and the unit written after it with a space (<c>2023 年</c>, <c>49200 元</c>, <c>4.2 %</c>) into one
/// term before the query is parsed. Extracted text is full of such spaces, and people copy them into the search
/// box; left apart, the classic syntax would read two terms that must both occur somewhere in the paragraph,
/// instead of the one phrase the reader means. Quoted phrases, escaped characters and field values
/// (<c>year:2023 年</c>) are left as they are.
/// </summary>
internal static class SpacedNumbers
{
    /// <summary>Units that follow a number in the documents: dates, money, counts, measures.</summary>
    private const string Units = "年月日号元万亿个项家户人次件所台辆吨亩米倍岁天周届期批%％";

    /// <summary>
    /// The query with the whitespace between a number and its unit removed; <paramref name="removed"/> holds the
    /// original index of every character taken out, ascending (empty when nothing changed).
    /// </summary>
    public static string Join(string query, out IReadOnlyList<int> removed)
    {
        List<int>? cut = null;
        var inQuote = false;
        var termStart = 0;
        for (var i = 0; i < query.Length; i++)
        {
            var c = query[i];
            if (c == '\\')
            {
                i++;
                continue;
            }
            if (c == '"')
            {
                inQuote = !inQuote;
                continue;
            }
            if (inQuote || !char.IsWhiteSpace(c))
            {
                continue;
            }
            var end = i;
            while (end < query.Length && char.IsWhiteSpace(query[end]))
            {
                end++;
            }
            if (i > 0 && IsDigit(query[i - 1]) && end < query.Length && Units.Contains(query[end])
                && !query.AsSpan(termStart, i - termStart).Contains(':'))
            {
                cut ??= [];
                for (var k = i; k < end; k++)
                {
                    cut.Add(k);
                }
            }
            else
            {
                termStart = end;
            }
            i = end - 1;
        }
        removed = cut ?? (IReadOnlyList<int>)[];
        if (cut is null)
        {
            return query;
        }
        var joined = new char[query.Length - cut.Count];
        var at = 0;
        var next = 0;
        for (var i = 0; i < query.Length; i++)
        {
            if (next < cut.Count && cut[next] == i)
            {
                next++;
                continue;
            }
            joined[at++] = query[i];
        }
        return new string(joined);
    }

    /// <summary>A problem found in the joined query, with its span moved back onto the query the user typed.</summary>
    public static Problem MapBack(Problem problem, string original, IReadOnlyList<int> removed)
    {
        if (removed.Count == 0)
        {
            return problem;
        }
        var span = problem.Span is { } s ? new TextSpan(ToOriginal(s.Start, removed), ToOriginal(s.End, removed)) : (TextSpan?)null;
        return problem with { Source = original, Span = span };
    }

    /// <summary>An index in the joined text as an index in the original: shifted by each removal at or before it.</summary>
    private static int ToOriginal(int index, IReadOnlyList<int> removed)
    {
        var original = index;
        foreach (var at in removed)
        {
            if (at <= original)
            {
                original++;
            }
        }
        return original;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9' or >= '０' and <= '９';
}
