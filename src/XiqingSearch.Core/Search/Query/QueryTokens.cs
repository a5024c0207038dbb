using Lucene.Net.QueryParsers.Classic;

namespace XiqingSearch.Core.Search.Query;

/// <summary>
/// The classic parser's own tokens of one query, each with its UTF-16 span, read by the parser's own lexer
/// (<see cref="QueryParserTokenManager"/>) so they are exactly the tokens the parser consumes. Every position a
/// query problem reports is a token's span from here: the value of a field clause, a range's bound, the field
/// name, the token a syntax error stopped at, or where the lexer gave up. No position is read from message text.
/// </summary>
internal sealed class QueryTokens
{
    private readonly List<Token> _tokens;

    private QueryTokens(string query, List<Token> tokens, int? unreadableAt)
    {
        Query = query;
        _tokens = tokens;
        UnreadableAt = unreadableAt;
    }

    /// <summary>The query the tokens are of.</summary>
    public string Query { get; }

    /// <summary>Where the lexer could not read a token (0-based), or null when it read the whole query.</summary>
    public int? UnreadableAt { get; }

    /// <summary>The whole query, the span of a problem about all of it.</summary>
    public TextSpan Whole => new(0, Query.Length);

    /// <summary>Reads every token of <paramref name="query"/>, up to the end or the first character the lexer refuses.</summary>
    public static QueryTokens Read(string query)
    {
        var manager = new QueryParserTokenManager(new FastCharStream(new StringReader(query)));
        var tokens = new List<Token>();
        try
        {
            for (var token = manager.GetNextToken(); token.Kind != RegexpToken.EOF; token = manager.GetNextToken())
            {
                tokens.Add(token);
            }
        }
        catch (TokenMgrError)
        {
            // The refused token starts at the first non-blank character after the last token read.
            var at = tokens.Count == 0 ? 0 : Math.Min(tokens[^1].EndColumn, query.Length);
            while (at < query.Length && char.IsWhiteSpace(query[at]))
            {
                at++;
            }
            return new QueryTokens(query, tokens, Math.Min(at, query.Length));
        }
        return new QueryTokens(query, tokens, null);
    }

    /// <summary>The span of a token the parser holds (its columns are 0-based offsets, end exclusive).</summary>
    public TextSpan SpanOf(Token token)
    {
        var start = Math.Clamp(token.BeginColumn, 0, Query.Length);
        return new TextSpan(start, Math.Clamp(token.EndColumn, start, Query.Length));
    }

    /// <summary>
    /// The term of the clause the parser has just read, <paramref name="current"/> being its last token: the term
    /// itself, or the term before a <c>~N</c> and a <c>^boost</c>. With <paramref name="slop"/>, the <c>~N</c> instead.
    /// </summary>
    public TextSpan Term(Token? current, bool slop = false)
    {
        var i = IndexOf(current);
        if (i < 0)
        {
            return Whole;
        }
        if (slop && _tokens[i].Kind == RegexpToken.FUZZY_SLOP)
        {
            return SpanOf(_tokens[i]);
        }
        i = BeforeBoost(i);
        if (_tokens[i].Kind == RegexpToken.FUZZY_SLOP)
        {
            if (slop)
            {
                return SpanOf(_tokens[i]);
            }
            i = Math.Max(0, i - 1);
        }
        return SpanOf(_tokens[i]);
    }

    /// <summary>
    /// The range the parser has just read, <paramref name="current"/> being its closing bracket (or its boost): the
    /// whole range and each bound, for <c>year:[2021 TO abc]</c> the span of <c>abc</c>.
    /// </summary>
    public (TextSpan Whole, TextSpan From, TextSpan To) Range(Token? current)
    {
        var end = IndexOf(current);
        if (end < 0)
        {
            return (Whole, Whole, Whole);
        }
        end = BeforeBoost(end);
        var to = Math.Max(0, end - 1);
        var from = Math.Max(0, to - 1);
        if (_tokens[from].Kind == RegexpToken.RANGE_TO)
        {
            from = Math.Max(0, from - 1);
        }
        var start = Math.Max(0, from - 1);
        return (new TextSpan(SpanOf(_tokens[start]).Start, SpanOf(_tokens[end]).End), SpanOf(_tokens[from]), SpanOf(_tokens[to]));
    }

    /// <summary>
    /// The name of <paramref name="field"/> where it governs the clause ending at <paramref name="current"/>
    /// (<c>year</c> in <c>year:(2024 OR abc)</c>), or <paramref name="fallback"/> when no such name is written.
    /// </summary>
    public TextSpan Field(Token? current, string field, TextSpan fallback)
    {
        for (var i = IndexOf(current) - 1; i >= 1; i--)
        {
            if (_tokens[i].Kind == RegexpToken.COLON && _tokens[i - 1].Kind == RegexpToken.TERM
                && string.Equals(_tokens[i - 1].Image, field, StringComparison.Ordinal))
            {
                return SpanOf(_tokens[i - 1]);
            }
        }
        return fallback;
    }

    // Tokens are in query order and never overlap, so the parser's token is found by where it starts.
    private int IndexOf(Token? token)
    {
        if (token is null)
        {
            return -1;
        }
        int low = 0, high = _tokens.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var begin = _tokens[middle].BeginColumn;
            if (begin == token.BeginColumn)
            {
                return _tokens[middle].Kind == token.Kind ? middle : -1;
            }
            if (begin < token.BeginColumn)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return -1;
    }

    // A boost (^2) follows the term or range it boosts; a ~N may follow the boost too.
    private int BeforeBoost(int i)
    {
        if (_tokens[i].Kind == RegexpToken.FUZZY_SLOP && i >= 2 && _tokens[i - 1].Kind == RegexpToken.NUMBER
            && _tokens[i - 2].Kind == RegexpToken.CARAT)
        {
            return i - 3;
        }
        if (_tokens[i].Kind == RegexpToken.NUMBER && i >= 1 && _tokens[i - 1].Kind == RegexpToken.CARAT)
        {
            return Math.Max(0, i - 2);
        }
        return i;
    }
}
