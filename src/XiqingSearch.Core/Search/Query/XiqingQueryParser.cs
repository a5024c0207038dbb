using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Util;
using XiqingSearch.Core.Analysis.Characters;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Results;
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

    private readonly Analyzer _smartCn;
    private readonly Dictionary<LuceneQuery, TextPhrase> _phrases = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<LuceneQuery, string> _descriptions = new(ReferenceEqualityComparer.Instance);

    public XiqingQueryParser(Analyzer smartCn)
        : base(LuceneVersion.LUCENE_48, FieldNames.Text, smartCn)
    {
        _smartCn = smartCn;
        DefaultOperator = AND_OPERATOR;
        AllowLeadingWildcard = true;
        LowercaseExpandedTerms = false;
    }

    /// <summary>The text phrase clauses made so far, by query object (for highlighting).</summary>
    public IReadOnlyDictionary<LuceneQuery, TextPhrase> Phrases => _phrases;

    /// <summary>A readable form of each phrase clause (text and chapter), by query object.</summary>
    public IReadOnlyDictionary<LuceneQuery, string> Descriptions => _descriptions;

    /// <summary>
    /// The query of one plain phrase, without the classic parser: for query text that has no operator, field,
    /// quote, bracket or whitespace, which is what most searches are. Same result as parsing it.
    /// </summary>
    public LuceneQuery? PlainPhrase(string queryText) => TextQuery(queryText);

    protected override LuceneQuery? GetFieldQuery(string field, string queryText, bool quoted)
    {
        switch (field)
        {
            case FieldNames.Text:
                return TextQuery(queryText);
            case FieldNames.Year:
                var year = ParseYear(queryText, field);
                return NumericRangeQuery.NewInt32Range(FieldNames.Year, year, year, true, true);
            case FieldNames.Topic:
                return new TermQuery(new Term(FieldNames.Topic, CharacterNormalizer.Normalize(queryText)));
            case FieldNames.Doc:
                return new TermQuery(new Term(FieldNames.Doc, queryText.Trim()));
            case FieldNames.Kind:
                if (!ParagraphKinds.TryParse(queryText.Trim(), out _))
                {
                    throw new QueryFieldException(ProblemCodes.QuerySyntax,
                        $"kind must be {ParagraphKinds.Paragraph}, {ParagraphKinds.Heading} or {ParagraphKinds.TableRow}, not '{queryText}'.",
                        field, queryText);
                }
                return new TermQuery(new Term(FieldNames.Kind, queryText.Trim()));
            case FieldNames.Chapter:
                return CharacterPhrase(FieldNames.ChapterText, CharacterNormalizer.Normalize(queryText));
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
                field == FieldNames.Text ? null : field, "~");
        }
        return GetFieldQuery(field, queryText, quoted: true)!;
    }

    protected override LuceneQuery GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive)
    {
        if (field != FieldNames.Year)
        {
            throw new QueryFieldException(ProblemCodes.QueryBadRange,
                $"Ranges work on year only (year:[2021 TO 2023]), not on {FieldLabel(field)}.", field, null);
        }
        int? from = part1 == "*" ? null : ParseYear(part1, field);
        int? to = part2 == "*" ? null : ParseYear(part2, field);
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

    /// <summary>
    /// The exact phrase on the character field (must match), plus its SmartCn words on the text field (ranking).
    /// </summary>
    private LuceneQuery? TextQuery(string queryText)
    {
        var normalized = CharacterNormalizer.Normalize(queryText);
        if (normalized.Length == 0)
        {
            return null;
        }
        var exact = CharacterPhrase(FieldNames.TextChars, normalized);
        var ranking = SmartCnPhrase(queryText);
        LuceneQuery query = exact;
        if (ranking is not null)
        {
            query = new BooleanQuery
            {
                { exact, Occur.MUST },
                { ranking, Occur.SHOULD },
            };
        }
        _phrases[query] = new TextPhrase(normalized, queryText);
        _descriptions[query] = _descriptions[exact];
        return query;
    }

    /// <summary>
    /// The exact phrase on a character-bigram field (<see cref="CharacterTokenizer"/>): the bigrams at the phrase's
    /// even offsets, plus its last bigram when the length is odd; a single code point is a prefix of the bigrams
    /// that start with it.
    /// </summary>
    private LuceneQuery CharacterPhrase(string field, string normalized)
    {
        var starts = new List<int>(normalized.Length);
        for (var i = 0; i < normalized.Length; i++)
        {
            starts.Add(i);
            if (char.IsHighSurrogate(normalized[i]) && i + 1 < normalized.Length && char.IsLowSurrogate(normalized[i + 1]))
            {
                i++;
            }
        }
        starts.Add(normalized.Length);
        var count = starts.Count - 1; // code points
        LuceneQuery query;
        if (count == 1)
        {
            query = new PrefixQuery(new Term(field, normalized));
        }
        else
        {
            var phrase = new PhraseQuery();
            string Bigram(int k) => normalized[starts[k]..starts[k + 2]];
            for (var k = 0; k + 1 < count; k += 2)
            {
                phrase.Add(new Term(field, Bigram(k)), k);
            }
            if (count % 2 == 1)
            {
                phrase.Add(new Term(field, Bigram(count - 2)), count - 2);
            }
            query = phrase;
        }
        _descriptions[query] = field == FieldNames.ChapterText ? $"chapter:\"{normalized}\"" : $"\"{normalized}\"";
        return query;
    }

    /// <summary>The SmartCn words of the phrase at their analysed positions; null when it has none.</summary>
    private LuceneQuery? SmartCnPhrase(string queryText)
    {
        var terms = new List<(string Term, int Position)>();
        using (var stream = _smartCn.GetTokenStream(FieldNames.Text, queryText))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            var position = -1;
            while (stream.IncrementToken())
            {
                position += increment.PositionIncrement;
                terms.Add((term.ToString(), position));
            }
            stream.End();
        }
        if (terms.Count == 0)
        {
            return null;
        }
        if (terms.Count == 1)
        {
            return new TermQuery(new Term(FieldNames.Text, terms[0].Term));
        }
        var phrase = new PhraseQuery();
        var first = terms[0].Position;
        foreach (var (t, p) in terms)
        {
            phrase.Add(new Term(FieldNames.Text, t), p - first);
        }
        return phrase;
    }

    private static int ParseYear(string text, string field)
    {
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1000 and <= 9999)
        {
            return year;
        }
        throw new QueryFieldException(ProblemCodes.QueryBadRange,
            $"A year is four digits (year:2024 or year:[2021 TO 2023]), not '{text}'.", field, text);
    }

    private static QueryFieldException UnknownField(string field) => new(ProblemCodes.QueryUnknownField,
        $"Unknown field '{field}'. Fields: {string.Join(", ", KnownFields)}. To search for a colon in text, put the phrase in quotes.",
        field, null);

    private static QueryFieldException Unsupported(string field, string term, string what) => new(ProblemCodes.QuerySyntax,
        $"{char.ToUpperInvariant(what[0])}{what[1..]} {(what.EndsWith('s') ? "are" : "is")} not supported on {FieldLabel(field)}; phrases already match anywhere in the text.",
        field == FieldNames.Text ? null : field, term);

    private static string FieldLabel(string field) => field == FieldNames.Text ? "text" : field;
}
