using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Model;
using LuceneQuery = Lucene.Net.Search.Query;

namespace XiqingSearch.Core.Search.Query;

/// <summary>
/// Builds the query of one phrase: on paragraph text, the exact phrase on the character-bigram field (must
/// match) plus its SmartCn words as optional terms on the SmartCn field (ranking only); on headings, the exact phrase alone. It
/// remembers each phrase clause it made, for highlighting and for the readable form of the query. Used by the
/// classic parser for each clause, and directly for a query that is one plain phrase.
/// </summary>
internal sealed class PhraseQueryBuilder(Analyzer smartCn)
{
    private readonly Analyzer _smartCn = smartCn;

    /// <summary>The text phrase clauses made so far, by query object (for highlighting).</summary>
    public Dictionary<LuceneQuery, TextPhrase> Phrases { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>A readable form of each phrase clause (text and chapter), by query object.</summary>
    public Dictionary<LuceneQuery, string> Descriptions { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The exact phrase in any heading of the chapter path.</summary>
    public LuceneQuery Chapter(string queryText) => CharacterPhrase(FieldNames.ChapterText, MatchFolding.Normalize(queryText));

    /// <summary>The exact phrase in the document's title.</summary>
    public LuceneQuery Title(string queryText) => CharacterPhrase(FieldNames.TitleText, MatchFolding.Normalize(queryText));

    /// <summary>The exact phrase in the document's issuer (发文机关).</summary>
    public LuceneQuery Issuer(string queryText) => CharacterPhrase(FieldNames.IssuerText, MatchFolding.Normalize(queryText));

    /// <summary>Synonym groups that expand a phrase into all its variants (null: none, or <c>exact:</c>).</summary>
    public SynonymTable? Synonyms { get; init; }

    /// <summary>
    /// Whether a text phrase carries its SmartCn words (they only rank); false for a caller that reads no score,
    /// such as a comparison, which then skips the SmartCn analysis of every phrase.
    /// </summary>
    public bool RankingWords { get; init; } = true;

    /// <summary>The phrases expanded by <see cref="Synonyms"/> so far.</summary>
    public List<SynonymExpansion> Expansions { get; } = [];

    /// <summary>
    /// The phrase as <see cref="OnePhrase"/> builds it, or, when it is a variant of a synonym group, any of the
    /// group's variants, each its own exact phrase (highlighted and counted as the phrase itself is).
    /// </summary>
    public LuceneQuery? Text(string queryText)
    {
        if (Synonyms?.Variants(MatchFolding.Normalize(queryText)) is not { } variants)
        {
            return OnePhrase(queryText);
        }
        var any = new BooleanQuery();
        foreach (var variant in variants)
        {
            if (OnePhrase(variant) is { } one)
            {
                any.Add(one, Occur.SHOULD);
            }
        }
        if (Expansions.All(e => e.Phrase != variants[0]))
        {
            Expansions.Add(new SynonymExpansion(variants[0], variants));
        }
        return any;
    }

    /// <summary>
    /// The exact phrase on the character field (must match), plus its SmartCn words on the text field (ranking).
    /// </summary>
    private LuceneQuery? OnePhrase(string queryText)
    {
        var normalized = MatchFolding.Normalize(queryText);
        if (normalized.Length == 0)
        {
            return null;
        }
        var exact = CharacterPhrase(FieldNames.TextChars, normalized);
        var words = RankingWords ? SmartCnWords(queryText) : [];
        LuceneQuery query = exact;
        if (words.Count > 0)
        {
            var both = new BooleanQuery { { exact, Occur.MUST } };
            foreach (var word in words)
            {
                both.Add(word, Occur.SHOULD);
            }
            query = both;
        }
        Phrases[query] = new TextPhrase(normalized, queryText);
        Descriptions[query] = Descriptions[exact];
        return query;
    }

    /// <summary>
    /// The exact phrase on a character-bigram field (<see cref="BigramTokenizer"/>): the bigrams at the phrase's
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
            var bigrams = new List<string>(count / 2 + 1);
            var offsets = new List<int>(count / 2 + 1);
            string Bigram(int k) => normalized[starts[k]..starts[k + 2]];
            for (var k = 0; k + 1 < count; k += 2)
            {
                bigrams.Add(Bigram(k));
                offsets.Add(k);
            }
            if (count % 2 == 1)
            {
                bigrams.Add(Bigram(count - 2));
                offsets.Add(count - 2);
            }
            query = new ExactPhraseQuery(field, bigrams, offsets);
        }
        Descriptions[query] = field switch
        {
            FieldNames.ChapterText => $"chapter:\"{normalized}\"",
            FieldNames.TitleText => $"title:\"{normalized}\"",
            FieldNames.IssuerText => $"issuer:\"{normalized}\"",
            _ => $"\"{normalized}\"",
        };
        return query;
    }

    /// <summary>
    /// The distinct SmartCn words of two or more characters in the phrase, as term queries on the SmartCn field.
    /// They only rank (BM25 over the words a reader sees), so they need no positions: plain terms are cheaper to
    /// score than a second phrase. Single characters are left out: every hit contains them already (they are
    /// part of the phrase), their long postings lists are the costliest to score, and the phrase's own BM25
    /// already counts how often it occurs.
    /// </summary>
    private List<TermQuery> SmartCnWords(string queryText)
    {
        var words = new List<TermQuery>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var stream = _smartCn.GetTokenStream(FieldNames.Text, queryText);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var word = term.ToString();
            if (word.Length >= 2 && seen.Add(word))
            {
                words.Add(new CachedTermQuery(new Term(FieldNames.Text, word)));
            }
        }
        stream.End();
        return words;
    }
}
