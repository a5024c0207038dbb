using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Highlighting;

namespace XiqingSearch.Core.Tests.Search.Highlighting;

/// <summary>
/// Occurrence counts from the postings (<see cref="OccurrenceCounter"/>) must equal the brute-force count of
/// merged spans in the text for every paragraph: on random texts over a three-character alphabet with spaces
/// (self-overlapping phrases such as 甲甲 in 甲甲甲 are the rule), for one phrase, one code point, and several
/// phrases whose occurrences overlap each other.
/// </summary>
public sealed class OccurrenceCounterTests
{
    [Fact]
    public void RandomTexts_CountsFromPostings_EqualMergedSpansInTheText()
    {
        var random = new Random(7);
        const string Alphabet = "甲乙丙";
        string RandomText(int min, int max) => new([.. Enumerable.Range(0, random.Next(min, max + 1))
            .Select(_ => random.Next(9) == 0 ? ' ' : Alphabet[random.Next(Alphabet.Length)])]);

        var texts = Enumerable.Range(0, 300).Select(_ => RandomText(1, 40)).ToList();
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new BigramAnalyzer())))
        {
            for (var i = 0; i < texts.Count; i++)
            {
                writer.AddDocument([new TextField(FieldNames.TextChars, texts[i], Field.Store.NO)]);
                if (i % 70 == 69)
                {
                    writer.Commit(); // several segments
                }
            }
        }
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);

        var fromPostings = 0;
        for (var n = 0; n < 300; n++)
        {
            // One phrase of 1–6 characters, or two or three of them (a query such as 甲乙 OR 乙甲甲).
            var phrases = Enumerable.Range(0, n % 3 == 0 ? random.Next(2, 4) : 1)
                .Select(_ => RandomText(1, 6).Replace(" ", "", StringComparison.Ordinal)).Where(p => p.Length > 0).ToArray();
            if (phrases.Length == 0)
            {
                continue;
            }
            var normalized = phrases.Select(p => MatchFolding.Normalize(p)).ToList();
            var counter = new OccurrenceCounter(searcher, normalized);
            foreach (var leaf in reader.Leaves)
            {
                counter.SetNextReader(leaf);
                for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
                {
                    var text = texts[leaf.DocBase + doc];
                    var count = counter.Count(doc);
                    if (count == OccurrenceCounter.FromText)
                    {
                        // Only a single code point beside other phrases has no position list to merge with.
                        Assert.True(normalized.Count > 1 && normalized.Any(p => p.Length == 1), string.Join(" OR ", normalized));
                        continue;
                    }
                    Assert.Equal(BruteForce.Occurrences(text, phrases).Count, count);
                    fromPostings++;
                }
            }
        }
        Assert.True(fromPostings > 50_000, $"only {fromPostings} paragraphs counted from the postings");
    }

    [Fact]
    public void RandomTexts_SelfDisjointPhrase_ScorerFrequencyEqualsMergedSpansInTheText()
    {
        // The collector takes a lone phrase's occurrence count from the exact-phrase scorer's frequency when the
        // phrase cannot overlap itself; that frequency must be the text's count, and overlapping phrases excluded.
        var random = new Random(11);
        const string Alphabet = "甲乙丙";
        var texts = Enumerable.Range(0, 300)
            .Select(_ => new string([.. Enumerable.Range(0, random.Next(1, 41)).Select(_ => random.Next(9) == 0 ? ' ' : Alphabet[random.Next(3)])]))
            .ToList();
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new BigramAnalyzer())))
        {
            for (var i = 0; i < texts.Count; i++)
            {
                writer.AddDocument([new TextField(FieldNames.TextChars, texts[i], Field.Store.NO)]);
                if (i % 70 == 69)
                {
                    writer.Commit();
                }
            }
        }
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);

        var checkedPhrases = 0;
        foreach (var phrase in new[] { "甲乙", "乙甲", "甲乙丙", "甲乙乙", "乙丙丙甲", "甲乙丙甲", "甲甲", "甲乙甲", "丙丙丙" })
        {
            var counter = new OccurrenceCounter(searcher, [phrase]);
            var overlaps = Enumerable.Range(1, phrase.Length - 1).Any(k => phrase.StartsWith(phrase[k..], StringComparison.Ordinal));
            Assert.Equal(!overlaps, counter.IsOneSelfDisjointPhrase);
            var query = PhraseQuery(phrase);
            Assert.True(counter.IsPhraseOf(query), phrase);
            if (overlaps)
            {
                continue;
            }
            var weight = searcher.CreateNormalizedWeight(query);
            var matched = 0;
            foreach (var leaf in reader.Leaves)
            {
                var scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
                int doc;
                while (scorer is not null && (doc = scorer.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                {
                    Assert.Equal(BruteForce.Occurrences(texts[leaf.DocBase + doc], phrase).Count, scorer.Freq);
                    matched++;
                }
            }
            Assert.Equal(texts.Count(t => BruteForce.Occurrences(t, phrase).Count > 0), matched);
            checkedPhrases++;
        }
        Assert.Equal(5, checkedPhrases);
    }

    /// <summary>The exact phrase as the query compiler builds it: bigrams at even offsets, plus the last when odd.</summary>
    private static XiqingSearch.Core.Search.Query.ExactPhraseQuery PhraseQuery(string phrase)
    {
        var terms = new List<string>();
        var offsets = new List<int>();
        for (var k = 0; k + 1 < phrase.Length; k += 2)
        {
            terms.Add(phrase.Substring(k, 2));
            offsets.Add(k);
        }
        if (phrase.Length % 2 == 1)
        {
            terms.Add(phrase[^2..]);
            offsets.Add(phrase.Length - 2);
        }
        return new XiqingSearch.Core.Search.Query.ExactPhraseQuery(FieldNames.TextChars, terms, offsets);
    }
}
