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
}
