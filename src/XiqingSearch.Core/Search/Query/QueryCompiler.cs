using Lucene.Net.Analysis;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Model;
using LuceneQuery = Lucene.Net.Search.Query;

namespace XiqingSearch.Core.Search.Query;

/// <summary>
/// Turns query text into a <see cref="CompiledQuery"/> or a <see cref="Problem"/> that says where the query is
/// wrong. The common mistakes (an unclosed quote, an unbalanced parenthesis) are found before Lucene's parser
/// sees the query, so their position is the character that causes them, not where the parser gave up. Every other
/// position is a span of the parser's own tokens (<see cref="QueryTokens"/>), in UTF-16 units of the query as typed.
/// The request's bounds (the query's length among them) are checked before, once, by <see cref="SearchLimits"/>.
/// </summary>
internal static class QueryCompiler
{
    /// <summary>
    /// The query compiled; when <paramref name="rankingWords"/> is false (no score is read) its phrases leave out their
    /// SmartCn words (<see cref="PhraseQueryBuilder.RankingWords"/>).
    /// </summary>
    public static Result<CompiledQuery> Compile(string query, Analyzer smartCn, SynonymTable? synonyms = null, bool rankingWords = true)
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
        var compiled = CompileChecked(joined, smartCn, synonyms, rankingWords);
        return compiled.IsSuccess ? compiled
            : Result<CompiledQuery>.Fail([.. compiled.Problems.Select(p => TypedSyntax.OntoTyped(SpacedNumbers.MapBack(p, query, removed), typed))]);
    }

    /// <summary>The checks made on the query as typed: empty, an unclosed quote or parenthesis.</summary>
    private static Problem? Check(string query) =>
        string.IsNullOrWhiteSpace(query)
            ? At(SearchMessages.QueryEmpty(), query, new TextSpan(0, 0))
            : CheckQuotesAndParentheses(query);

    private static Result<CompiledQuery> CompileChecked(string query, Analyzer smartCn, SynonymTable? synonyms, bool rankingWords)
    {
        var phrases = new PhraseQueryBuilder(smartCn) { Synonyms = synonyms, RankingWords = rankingWords };
        LuceneQuery? parsed;
        QueryTokens? tokens = null;
        try
        {
            // Most queries are one phrase: build it directly; the classic parser is for everything else.
            if (IsPlainPhrase(query))
            {
                parsed = phrases.Text(query.Trim());
            }
            else if (IsQuotedPhrase(query, out var inner))
            {
                parsed = phrases.Text(inner);
            }
            else
            {
                tokens = QueryTokens.Read(query);
                if (tokens.UnreadableAt is { } at)
                {
                    return At(SearchMessages.Unreadable(), query, new TextSpan(at, Math.Min(at + 1, query.Length)));
                }
                parsed = new XiqingQueryParser(phrases, smartCn).Parse(tokens);
            }
        }
        catch (ParseException e)
        {
            return FromParseException(tokens ?? QueryTokens.Read(query), e);
        }
        catch (QueryFieldException e)
        {
            return At(e.Problem, query, e.Span);
        }
        if (parsed is null || parsed is BooleanQuery { Clauses.Count: 0 })
        {
            return At(SearchMessages.NothingToFind(), query, new TextSpan(0, query.Length));
        }
        if (OnlyProhibited(parsed))
        {
            return At(SearchMessages.OnlyExclusions(), query, new TextSpan(0, query.Length));
        }

        var highlight = new List<TextPhrase>();
        CollectPhrases(parsed, phrases.Phrases, highlight, negated: false);
        return new CompiledQuery(parsed, highlight.DistinctBy(p => p.Normalized).ToList(), Describe(parsed, phrases.Descriptions),
            phrases.Expansions.Count > 0 ? phrases.Expansions : null)
        {
            Clauses = CountClauses(parsed, phrases.Phrases),
            PhraseClauses = phrases.Phrases,
        };
    }

    /// <summary>Phrases and filters: a phrase counts once however many SmartCn words it adds for ranking.</summary>
    private static int CountClauses(LuceneQuery query, IReadOnlyDictionary<LuceneQuery, TextPhrase> phrases) =>
        !phrases.ContainsKey(query) && query is BooleanQuery boolean and not UnknownYearQuery and not OcrTextQuery
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
                    return At(SearchMessages.CloseWithoutOpen(), query, new TextSpan(i, i + 1));
                case ')':
                    open.Pop();
                    break;
            }
        }
        if (quoteStart >= 0)
        {
            return At(SearchMessages.UnclosedQuote(), query, new TextSpan(quoteStart, quoteStart + 1));
        }
        if (open.Count > 0)
        {
            var at = open.Last();
            return At(SearchMessages.OpenNeverClosed(), query, new TextSpan(at, at + 1));
        }
        return null;
    }

    private static Problem FromParseException(QueryTokens tokens, ParseException e)
    {
        var query = tokens.Query;
        // QueryParserBase.Parse wraps what went wrong inside the generated parser; the parser's exception knows
        // the token it stopped at.
        for (Exception? cause = e; cause is not null; cause = cause.InnerException)
        {
            if (cause is QueryFieldException field)
            {
                return At(field.Problem, query, field.Span);
            }
        }
        if (tokens.UnreadableAt is { } unreadable)
        {
            return At(SearchMessages.Unreadable(), query, new TextSpan(unreadable, Math.Min(unreadable + 1, query.Length)));
        }
        var inner = e.InnerException as ParseException ?? e;
        if (inner.CurrentToken?.Next is not { } next)
        {
            return At(SearchMessages.NotValidHere(), query, new TextSpan(query.Length, query.Length));
        }
        var span = tokens.SpanOf(next);
        return string.IsNullOrEmpty(next.Image) || span.Start >= query.Length
            ? At(SearchMessages.EndsEarly(next.Image), query, new TextSpan(span.Start, span.Start))
            : At(SearchMessages.CannotStandHere(next.Image), query, span);
    }

    /// <summary><paramref name="problem"/> placed at <paramref name="span"/> of <paramref name="query"/>.</summary>
    private static Problem At(Problem problem, string query, TextSpan span) =>
        problem with { Source = query, Span = span, Parameter = RequestParameter.Query };

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
        if (query is BooleanQuery boolean and not UnknownYearQuery and not OcrTextQuery)
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
            case UnknownYearQuery:
                return Boost(query, "year:unknown");
            case OcrTextQuery ocr:
                return Boost(query, ocr.ToString(string.Empty));
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
}
