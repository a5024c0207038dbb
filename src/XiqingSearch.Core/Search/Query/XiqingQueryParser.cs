using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Util;
using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Problems;
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
    public static readonly IReadOnlyList<string> KnownFields = ["text", "year", "topic", "chapter", "doc", "kind"];

    private readonly PhraseQueryBuilder _phrases;

    public XiqingQueryParser(PhraseQueryBuilder phrases, Analyzer smartCn)
        : base(LuceneVersion.LUCENE_48, FieldNames.Text, smartCn)
    {
        _phrases = phrases;
        DefaultOperator = AND_OPERATOR;
        AllowLeadingWildcard = true;
        LowercaseExpandedTerms = false;
    }

    protected override LuceneQuery? GetFieldQuery(string field, string queryText, bool quoted)
    {
        switch (field)
        {
            case FieldNames.Text:
                return _phrases.Text(queryText);
            case FieldNames.Year:
                var year = ParseYear(queryText, field);
                return NumericRangeQuery.NewInt32Range(FieldNames.Year, year, year, true, true);
            case FieldNames.Topic:
                return new TermQuery(new Term(FieldNames.Topic, MatchFolding.Normalize(queryText)));
            case FieldNames.Doc:
                return new TermQuery(new Term(FieldNames.Doc, queryText.Trim()));
            case FieldNames.Kind:
                if (!ParagraphKinds.TryParse(queryText.Trim(), out _))
                {
                    throw new QueryFieldException(ProblemCodes.QuerySyntax,
                        $"kind must be {ParagraphKinds.Paragraph}, {ParagraphKinds.Heading} or {ParagraphKinds.TableRow}, not '{queryText}'.",
                        field, queryText, Args(("reason", "bad-kind"), ("value", queryText)));
                }
                return new TermQuery(new Term(FieldNames.Kind, queryText.Trim()));
            case FieldNames.Chapter:
                if (MatchFolding.Normalize(queryText).Length == 0)
                {
                    // chapter:"" or chapter:* would be a phrase of nothing: say so where it is written.
                    throw new QueryFieldException(ProblemCodes.QueryEmptyPhrase,
                        "chapter: needs a heading phrase to look for (chapter:京津冀); an empty phrase or a lone * finds nothing.",
                        field, queryText);
                }
                return _phrases.Chapter(queryText);
            default:
                throw UnknownField(field);
        }
    }

    protected override LuceneQuery GetFieldQuery(string field, string queryText, int slop)
    {
        if (slop > 0)
        {
            throw new QueryFieldException(ProblemCodes.QuerySyntax,
                "Proximity (\"…\"~N) is not supported: a quoted phrase always matches exactly, ignoring whitespace.",
                field == FieldNames.Text ? null : field, "~", Args(("reason", "proximity")));
        }
        return GetFieldQuery(field, queryText, quoted: true)!;
    }

    protected override LuceneQuery GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive)
    {
        if (field != FieldNames.Year)
        {
            throw new QueryFieldException(ProblemCodes.QueryBadRange,
                $"Ranges work on year only (year:[2021 TO 2023]), not on {FieldLabel(field)}.", field, null,
                Args(("reason", "range-field"), ("field", FieldLabel(field))));
        }
        // An open end (year:[2021 TO *]) reaches the parser's callback as null.
        int? from = part1 is null or "*" ? null : ParseYear(part1, field);
        int? to = part2 is null or "*" ? null : ParseYear(part2, field);
        return NumericRangeQuery.NewInt32Range(FieldNames.Year, from, to, startInclusive, endInclusive);
    }

    protected override LuceneQuery GetPrefixQuery(string field, string termStr) => field switch
    {
        // Phrases already match anywhere inside the text, so a trailing * adds nothing.
        FieldNames.Text or FieldNames.Chapter => GetFieldQuery(field, termStr, quoted: false)!,
        FieldNames.Doc or FieldNames.Topic => new PrefixQuery(new Term(field, termStr)),
        _ => throw Unsupported(field, termStr, "a trailing *"),
    };

    protected override LuceneQuery GetWildcardQuery(string field, string termStr)
    {
        if (field is FieldNames.Text or FieldNames.Chapter && termStr.Trim('*').IndexOfAny(['*', '?']) < 0)
        {
            // "*西青*": leading and trailing stars mean "inside a word", which every phrase already is.
            return GetFieldQuery(field, termStr.Trim('*'), quoted: false)!;
        }
        if (field is FieldNames.Doc or FieldNames.Topic)
        {
            return new WildcardQuery(new Term(field, termStr));
        }
        throw Unsupported(field, termStr, "wildcards");
    }

    protected override LuceneQuery GetFuzzyQuery(string field, string termStr, float minSimilarity) =>
        throw Unsupported(field, termStr, "fuzzy matching (~)");

    protected override LuceneQuery GetRegexpQuery(string field, string termStr) =>
        throw Unsupported(field, termStr, "regular expressions");

    private static int ParseYear(string text, string field)
    {
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1000 and <= 9999)
        {
            return year;
        }
        throw new QueryFieldException(ProblemCodes.QueryBadRange,
            $"A year is four digits (year:2024 or year:[2021 TO 2023]), not '{text}'.", field, text,
            Args(("reason", "bad-year"), ("value", text)));
    }

    private static QueryFieldException UnknownField(string field) => new(ProblemCodes.QueryUnknownField,
        $"Unknown field '{field}'. Fields: {string.Join(", ", KnownFields)}. To search for a colon in text, put the phrase in quotes.",
        field, null, Args(("field", field), ("fields", string.Join(", ", KnownFields))));

    private static QueryFieldException Unsupported(string field, string term, string what) => new(ProblemCodes.QuerySyntax,
        $"{char.ToUpperInvariant(what[0])}{what[1..]} {(what.EndsWith('s') ? "are" : "is")} not supported on {FieldLabel(field)}; phrases already match anywhere in the text.",
        field == FieldNames.Text ? null : field, term,
        Args(("reason", "unsupported"), ("feature", what switch
        {
            "wildcards" => "wildcard",
            "regular expressions" => "regexp",
            "a trailing *" => "prefix",
            _ => "fuzzy",
        }), ("field", FieldLabel(field))));

    private static Dictionary<string, string> Args(params (string Name, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);

    private static string FieldLabel(string field) => field == FieldNames.Text ? "text" : field;
}
