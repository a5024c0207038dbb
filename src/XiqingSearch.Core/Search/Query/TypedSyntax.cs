using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Search.Query;

/// <summary>
/// Reads the query as a Chinese keyboard types it: “…”, ‘…’, 「…」, 『…』 and ＂…＂ around a term delimit a phrase as
/// "…" does, and the full-width colon, parentheses, plus and minus are the ASCII syntax. Every replacement is one UTF-16 unit
/// for one, so a position in the rewritten query is the same position in the query as typed and error columns
/// need no mapping.
/// Quotes and full-width punctuation are also ordinary text in the documents (<c>中芯国际“大二期”项目</c>,
/// <c>十四五（2021－2025）</c>), so they become syntax only where a reader would see syntax: quotes and parentheses
/// at term boundaries, a sign before a term, a colon right after a field name. Everywhere else it stays text and is matched (folded to ASCII) as
/// part of the phrase.
/// </summary>
internal static class TypedSyntax
{
    /// <summary>Opening quote → its closing quote. ＂ closes itself, as " does.</summary>
    private static readonly Dictionary<char, char> Quotes = new()
    {
        ['\u201C'] = '\u201D', // “ ”
        ['\u2018'] = '\u2019', // ‘ ’
        ['\u300C'] = '\u300D', // 「 」
        ['\u300E'] = '\u300F', // 『 』
        ['\uFF02'] = '\uFF02', // ＂ ＂
    };

    /// <summary>True if <paramref name="c"/> opens a phrase in some keyboard's quotes.</summary>
    public static bool IsOpeningQuote(char c) => Quotes.ContainsKey(c);

    /// <summary>The closing quote that ends a phrase opened with <paramref name="open"/> (" for ").</summary>
    public static char ClosingQuote(char open) => Quotes.TryGetValue(open, out var close) ? close : '"';

    /// <summary>
    /// The query with typed quotes and full-width syntax replaced by ASCII, the same length as <paramref name="query"/>.
    /// Returns <paramref name="query"/> itself when nothing changes. A quote that is never closed is left alone,
    /// except that an opening Chinese quote becomes " so the unclosed-quote check points at it.
    /// </summary>
    public static string Rewrite(string query)
    {
        char[]? rewritten = null;
        var depth = 0;
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (c == '\\')
            {
                i += 2;
                continue;
            }
            if (c == '"')
            {
                var end = query.IndexOf('"', i + 1);
                i = end < 0 ? query.Length : end + 1;
                continue;
            }
            if (Quotes.TryGetValue(c, out var close) && OpensTerm(query, i))
            {
                var end = query.IndexOf(close, i + 1);
                if (end >= 0 && !ClosesTerm(query, end))
                {
                    // 中芯国际“大二期”项目 pasted from the text: the quotes are part of the phrase, not around it.
                    i = end + 1;
                    continue;
                }
                rewritten ??= query.ToCharArray();
                rewritten[i] = '"';
                if (end < 0)
                {
                    break;
                }
                rewritten[end] = '"';
                // A " inside a Chinese-quoted phrase would end it early in the classic syntax: keep it as text.
                for (var k = i + 1; k < end; k++)
                {
                    if (rewritten[k] == '"')
                    {
                        rewritten[k] = '\uFF02';
                    }
                }
                i = end + 1;
                continue;
            }
            var ascii = c switch
            {
                '（' when OpensTerm(query, i) => '(',
                '）' when depth > 0 && ClosesTerm(query, i) => ')',
                '＋' or '－' when OpensTerm(query, i) && i + 1 < query.Length && !char.IsWhiteSpace(query[i + 1]) => (char)(c - 0xFEE0),
                '：' when FollowsFieldName(query, i) => ':',
                _ => c,
            };
            depth += ascii switch { '(' => 1, ')' => -1, _ => 0 };
            if (ascii != c)
            {
                rewritten ??= query.ToCharArray();
                rewritten[i] = ascii;
            }
            i++;
        }
        return rewritten is null ? query : new string(rewritten);
    }

    /// <summary>True where a term can start: at the start, after whitespace, a parenthesis or a sign.</summary>
    private static bool OpensTerm(string query, int at) =>
        at == 0 || char.IsWhiteSpace(query[at - 1]) || query[at - 1] is '(' or '（' or ')' or '）' or '+' or '-' or '＋' or '－';

    /// <summary>True where a term ends: at the end, before whitespace, a parenthesis or a boost.</summary>
    private static bool ClosesTerm(string query, int at) =>
        at == query.Length - 1 || char.IsWhiteSpace(query[at + 1]) || query[at + 1] is ')' or '）' or '(' or '（' or '^';

    private static bool FollowsFieldName(string query, int at)
    {
        var start = at;
        while (start > 0 && char.IsAsciiLetter(query[start - 1]))
        {
            start--;
        }
        if (start == at || !OpensTerm(query, start))
        {
            return false;
        }
        var name = query.AsSpan(start, at - start);
        foreach (var field in XiqingQueryParser.KnownFields)
        {
            if (name.Equals(field, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The prefix that turns synonym expansion off for one query (<c>exact:发改委</c>).</summary>
    public const string ExactPrefix = "exact:";

    /// <summary>
    /// The query with a leading <c>exact:</c> (or <c>exact：</c>) replaced by spaces, unit for unit, so positions
    /// are unchanged; <paramref name="exact"/> says whether it was there.
    /// </summary>
    public static string WithoutExactPrefix(string query, out bool exact)
    {
        var start = 0;
        while (start < query.Length && char.IsWhiteSpace(query[start]))
        {
            start++;
        }
        exact = query.Length - start > ExactPrefix.Length
            && query.AsSpan(start, ExactPrefix.Length - 1).Equals("exact", StringComparison.Ordinal)
            && query[start + ExactPrefix.Length - 1] is ':' or '：';
        return exact ? string.Concat(query.AsSpan(0, start), new string(' ', ExactPrefix.Length), query.AsSpan(start + ExactPrefix.Length)) : query;
    }

    /// <summary>
    /// A problem found in the rewritten query, told on the query as typed: the same span (replacements are unit for
    /// unit), the typed text as source, and an unclosed quote named by the quote the user typed.
    /// </summary>
    public static Problem OntoTyped(Problem problem, string typed)
    {
        if (ReferenceEquals(problem.Source, typed) || problem.Source is null || problem.Source.Length != typed.Length)
        {
            return problem.Source is null ? problem : problem with { Source = typed };
        }
        if (problem.Code == ProblemCodes.QueryUnclosedQuote && problem.Span is { } span && span.Start < typed.Length
            && Quotes.TryGetValue(typed[span.Start], out var close))
        {
            return SearchMessages.UnclosedTypedQuote(problem, typed[span.Start], close) with { Source = typed };
        }
        return problem with { Source = typed };
    }
}
