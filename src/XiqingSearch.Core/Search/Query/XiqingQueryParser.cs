using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Util;
using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Search.Model;
using LuceneQuery = Lucene.Net.Search.Query;

namespace XiqingSearch.Core.Search.Query;

/// <summary>
/// Lucene's classic syntax (AND by default; OR, NOT, +, -, parentheses, quotes, boosts, field:value, ranges),
/// with one change of meaning: text is never split into SmartCn words for matching. Every bare or quoted run of
/// text is an exact, whitespace-insensitive phrase on the character field, so it matches exactly where the text
/// contains it. The SmartCn words of the phrase are added as an optional clause, for BM25 ranking only.
/// </summary>
internal sealed class XiqingQueryParser : QueryParser
{
    /// <summary>The fields a query may name; <c>text</c> is the default.</summary>
    public static readonly IReadOnlyList<string> KnownFields = ["text", "year", "topic", "chapter", "doc", "kind", "title", "issuer", "number", "ocr"];

    private readonly PhraseQueryBuilder _phrases;
    private QueryTokens? _tokens;

    public XiqingQueryParser(PhraseQueryBuilder phrases, Analyzer smartCn)
        : base(LuceneVersion.LUCENE_48, FieldNames.Text, smartCn)
    {
        _phrases = phrases;
        DefaultOperator = AND_OPERATOR;
        AllowLeadingWildcard = true;
        LowercaseExpandedTerms = false;
    }

    /// <summary>
    /// Parses <paramref name="tokens"/>' query. The tokens locate the clause a callback refuses: the parser's
    /// current token is the clause's last, found among them by its position.
    /// </summary>
    public LuceneQuery Parse(QueryTokens tokens)
    {
        _tokens = tokens;
        return Parse(tokens.Query);
    }

    private QueryTokens Tokens => _tokens ??= QueryTokens.Read(string.Empty);

    protected override LuceneQuery? GetFieldQuery(string field, string queryText, bool quoted)
    {
        switch (field)
        {
            case FieldNames.Text:
                return _phrases.Text(queryText);
            case FieldNames.Year when queryText.Trim().Equals(YearRange.Unknown, StringComparison.OrdinalIgnoreCase):
                return new UnknownYearQuery();
            case FieldNames.Year:
                var year = ParseYear(queryText, Tokens.Term(Token));
                return NumericRangeQuery.NewInt32Range(FieldNames.Year, year, year, true, true);
            case FieldNames.Topic:
                return new TermQuery(new Term(FieldNames.Topic, MatchFolding.Normalize(queryText)));
            case FieldNames.Doc:
                return new TermQuery(new Term(FieldNames.Doc, queryText.Trim()));
            case FieldNames.Kind:
                if (!ParagraphKindNames.TryParse(queryText.Trim(), out _))
                {
                    throw new QueryFieldException(SearchMessages.BadKind(queryText), Tokens.Term(Token));
                }
                return new TermQuery(new Term(FieldNames.Kind, queryText.Trim()));
            case FieldNames.Ocr:
                return queryText.Trim().ToLowerInvariant() switch
                {
                    "true" => new OcrTextQuery(recognised: true),
                    "false" => new OcrTextQuery(recognised: false),
                    _ => throw new QueryFieldException(SearchMessages.BadOcr(queryText), Tokens.Term(Token)),
                };
            case FieldNames.Chapter:
                if (MatchFolding.Normalize(queryText).Length == 0)
                {
                    // chapter:"" or chapter:* would be a phrase of nothing: say so where it is written.
                    throw new QueryFieldException(SearchMessages.EmptyChapter(), Tokens.Term(Token));
                }
                return _phrases.Chapter(queryText);
            case FieldNames.Title or FieldNames.Issuer:
                if (MatchFolding.Normalize(queryText).Length == 0)
                {
                    throw new QueryFieldException(SearchMessages.EmptyField(field), Tokens.Term(Token));
                }
                return field == FieldNames.Title ? _phrases.Title(queryText) : _phrases.Issuer(queryText);
            case FieldNames.Number:
                var number = DocumentNumbers.Key(queryText);
                if (number.Length == 0)
                {
                    throw new QueryFieldException(SearchMessages.EmptyField(field), Tokens.Term(Token));
                }
                return new TermQuery(new Term(FieldNames.NumberKey, number));
            default:
                throw new QueryFieldException(SearchMessages.UnknownField(field, KnownFields),
                    Tokens.Field(Token, field, Tokens.Term(Token)));
        }
    }

    protected override LuceneQuery GetFieldQuery(string field, string queryText, int slop)
    {
        if (slop > 0)
        {
            throw new QueryFieldException(SearchMessages.Proximity(), Tokens.Term(Token, slop: true));
        }
        return GetFieldQuery(field, queryText, quoted: true)!;
    }

    protected override LuceneQuery GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive)
    {
        var range = Tokens.Range(Token);
        if (field != FieldNames.Year)
        {
            throw new QueryFieldException(SearchMessages.RangeOnField(FieldLabel(field)), range.Whole);
        }
        // An open end (year:[2021 TO *]) reaches the parser's callback as null.
        int? from = part1 is null or "*" ? null : ParseYear(part1, range.From);
        int? to = part2 is null or "*" ? null : ParseYear(part2, range.To);
        return NumericRangeQuery.NewInt32Range(FieldNames.Year, from, to, startInclusive, endInclusive);
    }

    protected override LuceneQuery GetPrefixQuery(string field, string termStr) => field switch
    {
        // Phrases already match anywhere inside the text, so a trailing * adds nothing.
        FieldNames.Text or FieldNames.Chapter or FieldNames.Title or FieldNames.Issuer => GetFieldQuery(field, termStr, quoted: false)!,
        FieldNames.Doc or FieldNames.Topic => new PrefixQuery(new Term(field, termStr)),
        _ => throw Unsupported(field, "prefix"),
    };

    protected override LuceneQuery GetWildcardQuery(string field, string termStr)
    {
        if (field is FieldNames.Text or FieldNames.Chapter or FieldNames.Title or FieldNames.Issuer && termStr.Trim('*').IndexOfAny(['*', '?']) < 0)
        {
            // "*西青*": leading and trailing stars mean "inside a word", which every phrase already is.
            return GetFieldQuery(field, termStr.Trim('*'), quoted: false)!;
        }
        if (field is FieldNames.Doc or FieldNames.Topic)
        {
            return new WildcardQuery(new Term(field, termStr));
        }
        throw Unsupported(field, "wildcard");
    }

    protected override LuceneQuery GetFuzzyQuery(string field, string termStr, float minSimilarity) =>
        throw Unsupported(field, "fuzzy");

    protected override LuceneQuery GetRegexpQuery(string field, string termStr) =>
        throw Unsupported(field, "regexp");

    private static int ParseYear(string text, TextSpan at)
    {
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && SearchLimits.IsYear(year))
        {
            return year;
        }
        throw new QueryFieldException(SearchMessages.BadQueryYear(text), at);
    }

    private QueryFieldException Unsupported(string field, string feature) =>
        new(SearchMessages.Unsupported(feature, FieldLabel(field)), Tokens.Term(Token));

    private static string FieldLabel(string field) => field == FieldNames.Text ? "text" : field;
}
