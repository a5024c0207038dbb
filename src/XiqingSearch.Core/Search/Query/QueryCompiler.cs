using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Model;
using LuceneQuery = Lucene.Net.Search.Query;

namespace XiqingSearch.Core.Search.Query;

/// <summary>
/// Turns query text into a <see cref="CompiledQuery"/> or a <see cref="Problem"/> that says where the query is
/// wrong. The common mistakes (an unclosed quote, an unbalanced parenthesis) are found before Lucene's parser
/// sees the query, so their position is the character that causes them, not where the parser gave up.
/// </summary>
internal static partial class QueryCompiler
{
    public static Result<CompiledQuery> Compile(string query, Analyzer smartCn, SynonymTable? synonyms = null)
    {
        // Typed quotes and full-width syntax become ASCII unit for unit, so positions need no mapping back;
        // a leading exact: (no synonym expansion) becomes spaces for the same reason.
        var typed = query;
        query = TypedSyntax.Rewrite(TypedSyntax.WithoutExactPrefix(query, out var exact));
        synonyms = exact ? null : synonyms;
        var structural = Check(query);
        if (structural is not null)
        {
            return TypedSyntax.OntoTyped(structural, typed);
        }
        var joined = SpacedNumbers.Join(query, out var removed);
        var compiled = CompileChecked(joined, smartCn, synonyms);
        return compiled.IsSuccess ? compiled
            : Result<CompiledQuery>.Fail([.. compiled.Problems.Select(p => TypedSyntax.OntoTyped(SpacedNumbers.MapBack(p, query, removed), typed))]);
    }

    /// <summary>The checks made on the query as typed: empty, too long, an unclosed quote or parenthesis.</summary>
    private static Problem? Check(string query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return new Problem(ProblemCodes.QueryEmpty, "The query is empty: type a phrase such as 天开西青园.", query,
                new TextSpan(0, 0)).With(("reason", "empty"));
        }
        if (query.Length > SearchRequest.MaxQueryLength)
        {
            return new Problem(ProblemCodes.QueryTooLong,
                $"The query has {query.Length} characters; at most {SearchRequest.MaxQueryLength} are allowed.", query,
                new TextSpan(SearchRequest.MaxQueryLength, query.Length))
                .With(("length", query.Length.ToString(CultureInfo.InvariantCulture)), ("max", SearchRequest.MaxQueryLength.ToString(CultureInfo.InvariantCulture)));
        }
        return CheckQuotesAndParentheses(query);
    }

    private static Result<CompiledQuery> CompileChecked(string query, Analyzer smartCn, SynonymTable? synonyms)
    {
        var phrases = new PhraseQueryBuilder(smartCn) { Synonyms = synonyms };
        LuceneQuery? parsed;
        try
        {
            // Most queries are one phrase: build it directly; the classic parser is for everything else.
            parsed = IsPlainPhrase(query) ? phrases.Text(query.Trim())
                : IsQuotedPhrase(query, out var inner) ? phrases.Text(inner)
                : new XiqingQueryParser(phrases, smartCn).Parse(query);
        }
        catch (ParseException e)
        {
            return FromParseException(query, e);
        }
        catch (QueryFieldException e)
        {
            return new Problem(e.Code, e.Message, query, Locate(query, e.Field, e.Term)) { Arguments = e.Arguments };
        }
        catch (TokenMgrError e)
        {
            return new Problem(ProblemCodes.QuerySyntax, "The query has a character the parser cannot read here.", query,
                ColumnFromMessage(query, e.Message)).With(("reason", "unreadable"));
        }
        if (parsed is null || parsed is BooleanQuery { Clauses.Count: 0 })
        {
            return new Problem(ProblemCodes.QueryEmpty,
                "The query has nothing to search for (only operators or stop characters).", query, new TextSpan(0, query.Length))
                .With(("reason", "nothing-to-find"));
        }
        if (OnlyProhibited(parsed))
        {
            return new Problem(ProblemCodes.QuerySyntax,
                "A query needs at least one phrase to find; NOT and - only exclude (e.g. 西青 -天开).", query,
                new TextSpan(0, query.Length)).With(("reason", "only-exclusions"));
        }

        var highlight = new List<TextPhrase>();
        CollectPhrases(parsed, phrases.Phrases, highlight, negated: false);
        return new CompiledQuery(parsed, highlight.DistinctBy(p => p.Normalized).ToList(), Describe(parsed, phrases.Descriptions),
            phrases.Expansions.Count > 0 ? phrases.Expansions : null)
        {
            Clauses = CountClauses(parsed, phrases.Phrases),
        };
    }

    /// <summary>Phrases and filters: a phrase counts once however many SmartCn words it adds for ranking.</summary>
    private static int CountClauses(LuceneQuery query, IReadOnlyDictionary<LuceneQuery, TextPhrase> phrases) =>
        !phrases.ContainsKey(query) && query is BooleanQuery boolean
            ? boolean.Clauses.Sum(c => CountClauses(c.Query, phrases))
            : 1;

    /// <summary>
    /// True for a query that is one run of text with nothing the classic syntax gives a meaning to, so it can skip
    /// the parser (which, in Lucene.Net, throws and catches an exception at the end of every input).
    /// </summary>
    internal static bool IsPlainPhrase(string query)
    {
        var text = query.AsSpan().Trim();
        if (text.Length == 0 || text is "AND" or "OR" or "NOT")
        {
            return false;
        }
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || SyntaxCharacters.Contains(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>True for one quoted phrase with no escapes and nothing around it: a phrase, whatever it holds.</summary>
    internal static bool IsQuotedPhrase(string query, out string inner)
    {
        var text = query.AsSpan().Trim();
        inner = string.Empty;
        if (text.Length < 3 || text[0] != '"' || text[^1] != '"' || text[1..^1].IndexOfAny('"', '\\') >= 0)
        {
            return false;
        }
        inner = text[1..^1].ToString();
        return true;
    }

    private const string SyntaxCharacters = "+-&|!(){}[]^\"~*?:\\/";

    /// <summary>Finds an unclosed quote or an unbalanced parenthesis, with backslash escapes honoured.</summary>
    internal static Problem? CheckQuotesAndParentheses(string query)
    {
        var open = new Stack<int>();
        var quoteStart = -1;
        for (var i = 0; i < query.Length; i++)
        {
            var c = query[i];
            if (c == '\\')
            {
                i++;
                continue;
            }
            if (quoteStart >= 0)
            {
                if (c == '"')
                {
                    quoteStart = -1;
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    quoteStart = i;
                    break;
                case '(':
                    open.Push(i);
                    break;
                case ')' when open.Count == 0:
                    return new Problem(ProblemCodes.QueryUnbalancedParenthesis,
                        "This ')' closes nothing: there is no '(' before it.", query, new TextSpan(i, i + 1))
                        .With(("reason", "close-without-open"));
                case ')':
                    open.Pop();
                    break;
            }
        }
        if (quoteStart >= 0)
        {
            return new Problem(ProblemCodes.QueryUnclosedQuote,
                "This quote is never closed: add a closing \" after the phrase.", query, new TextSpan(quoteStart, quoteStart + 1));
        }
        if (open.Count > 0)
        {
            var at = open.Last();
            return new Problem(ProblemCodes.QueryUnbalancedParenthesis,
                "This '(' is never closed: add a ')' after the group.", query, new TextSpan(at, at + 1))
                .With(("reason", "open-never-closed"));
        }
        return null;
    }

    private static Problem FromParseException(string query, ParseException e)
    {
        // QueryParserBase.Parse wraps the generated parser's exception, which knows the token it stopped at.
        var inner = e.InnerException as ParseException ?? e;
        if (inner.InnerException is QueryFieldException field)
        {
            return new Problem(field.Code, field.Message, query, Locate(query, field.Field, field.Term)) { Arguments = field.Arguments };
        }
        if (e.InnerException is QueryFieldException direct)
        {
            return new Problem(direct.Code, direct.Message, query, Locate(query, direct.Field, direct.Term)) { Arguments = direct.Arguments };
        }
        if (e.InnerException is TokenMgrError lexical)
        {
            return new Problem(ProblemCodes.QuerySyntax, "The query has a character the parser cannot read here.", query,
                ColumnFromMessage(query, lexical.Message)).With(("reason", "unreadable"));
        }
        var next = inner.CurrentToken?.Next;
        if (next is null)
        {
            return new Problem(ProblemCodes.QuerySyntax, "The query is not valid here.", query, ColumnFromMessage(query, e.Message))
                .With(("reason", "not-valid"));
        }
        // The classic parser's columns are 0-based offsets into the query (its char stream counts from 0).
        var start = Math.Clamp(next.BeginColumn, 0, query.Length);
        var atEnd = string.IsNullOrEmpty(next.Image) || start >= query.Length;
        var message = atEnd
            ? "The query ends too early: something is missing after the last operator."
            : $"'{next.Image}' cannot stand here.";
        var length = atEnd ? 0 : Math.Min(next.Image.Length, query.Length - start);
        var problem = new Problem(ProblemCodes.QuerySyntax, message + ExpectedHint(next.Image), query, new TextSpan(start, start + length))
            .With(("reason", atEnd ? "ends-early" : "cannot-stand-here"));
        return atEnd ? problem : problem.With(("token", next.Image));
    }

    private static string ExpectedHint(string? image) => image switch
    {
        "AND" or "OR" or "NOT" or "&&" or "||" => " An operator needs a phrase on each side; to search the word itself, put it in quotes.",
        ":" => " A field name goes before the colon (year:2024).",
        _ => string.Empty,
    };

    private static TextSpan ColumnFromMessage(string query, string message)
    {
        var match = ColumnPattern().Match(message);
        var start = match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : query.Length;
        start = Math.Clamp(start, 0, query.Length);
        return new TextSpan(start, Math.Min(start + 1, query.Length));
    }

    /// <summary>Where a field clause or term sits in the query, for errors raised inside the parser's callbacks.</summary>
    private static TextSpan Locate(string query, string? field, string? term)
    {
        if (field is not null)
        {
            var at = query.IndexOf(field + ":", StringComparison.Ordinal);
            if (at >= 0)
            {
                var end = at + field.Length + 1;
                if (term is not null)
                {
                    var termAt = query.IndexOf(term, end, StringComparison.Ordinal);
                    if (termAt >= 0)
                    {
                        end = termAt + term.Length;
                    }
                }
                return new TextSpan(at, end);
            }
        }
        if (term is not null)
        {
            var at = query.IndexOf(term, StringComparison.Ordinal);
            if (at >= 0)
            {
                return new TextSpan(at, at + term.Length);
            }
        }
        return new TextSpan(0, query.Length);
    }

    private static bool OnlyProhibited(LuceneQuery query) =>
        query is BooleanQuery boolean && boolean.Clauses.Count > 0 && boolean.Clauses.All(c => c.Occur == Occur.MUST_NOT);

    private static void CollectPhrases(LuceneQuery query, IReadOnlyDictionary<LuceneQuery, TextPhrase> phrases,
        List<TextPhrase> into, bool negated)
    {
        if (phrases.TryGetValue(query, out var phrase))
        {
            if (!negated)
            {
                into.Add(phrase);
            }
            return;
        }
        if (query is BooleanQuery boolean)
        {
            foreach (var clause in boolean.Clauses)
            {
                CollectPhrases(clause.Query, phrases, into, negated || clause.Occur == Occur.MUST_NOT);
            }
        }
    }

    /// <summary>A readable form of the query: phrases in quotes, operators as + and -, ranges as year:[a TO b].</summary>
    private static string Describe(LuceneQuery query, IReadOnlyDictionary<LuceneQuery, string> phrases)
    {
        if (phrases.TryGetValue(query, out var phrase))
        {
            return Boost(query, phrase);
        }
        switch (query)
        {
            case BooleanQuery boolean:
                var builder = new StringBuilder();
                foreach (var clause in boolean.Clauses)
                {
                    if (builder.Length > 0)
                    {
                        builder.Append(' ');
                    }
                    builder.Append(clause.Occur switch { Occur.MUST => "+", Occur.MUST_NOT => "-", _ => string.Empty });
                    var inner = Describe(clause.Query, phrases);
                    builder.Append(clause.Query is BooleanQuery && !phrases.ContainsKey(clause.Query) ? $"({inner})" : inner);
                }
                return Boost(query, builder.ToString());
            case NumericRangeQuery<int> range:
                return range.Min == range.Max && range.Min is not null && range.IncludesMin && range.IncludesMax
                    ? $"year:{range.Min}"
                    : $"year:{(range.IncludesMin ? '[' : '{')}{range.Min?.ToString(CultureInfo.InvariantCulture) ?? "*"} TO {range.Max?.ToString(CultureInfo.InvariantCulture) ?? "*"}{(range.IncludesMax ? ']' : '}')}";
            default:
                return query.ToString();
        }
    }

    private static string Boost(LuceneQuery query, string text) =>
        query.Boost == 1f ? text : string.Create(CultureInfo.InvariantCulture, $"{text}^{query.Boost}");

    [GeneratedRegex(@"column (\d+)")]
    private static partial Regex ColumnPattern();
}
