using System.Text.RegularExpressions;
using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Tests.Ingestion;
using Xunit.Abstractions;

namespace XiqingSearch.Core.Tests.Search.Query;

/// <summary>
/// Exact phrase search against a brute-force scan of every paragraph: for hundreds of phrases drawn from the
/// seeds, the hits are exactly the paragraphs whose whitespace-free text contains the phrase (100% recall and
/// precision), and each hit's highlights are exactly the scan's occurrences.
/// </summary>
[Collection(SeedIndexCollection.Name)]
public sealed partial class PhraseRecallTests(SeedIndexFixture index, ITestOutputHelper output)
{
    [Fact]
    public void Search_AllSubstringsOfSampledSentences_MatchBruteForceExactly()
    {
        var phrases = SampledSubstrings(seed: 20261123, windows: 8, windowLength: 16);
        Assert.True(phrases.Count >= 400, $"only {phrases.Count} phrases sampled");
        AssertAllMatchBruteForce(phrases);
    }

    [Fact]
    public void Search_RandomPhrasesFromEveryDocument_MatchBruteForceExactly()
    {
        var random = new Random(7);
        var phrases = new List<string>();
        foreach (var (_, paragraph) in index.Paragraphs.Where((_, i) => i % 3 == 0))
        {
            var text = BruteForce.NormalizeQuery(paragraph.Text);
            if (text.Length < 4)
            {
                continue;
            }
            var length = random.Next(2, Math.Min(9, text.Length + 1));
            var start = random.Next(0, text.Length - length + 1);
            phrases.Add(text.Substring(start, length));
        }
        Assert.True(phrases.Count >= 150);
        AssertAllMatchBruteForce(phrases);
    }

    [Fact]
    public void Search_PhrasesAcrossPdfLineWraps_AreFoundInTheirParagraph()
    {
        var phrases = new List<(string Phrase, string Id)>();
        foreach (var document in index.Documents)
        {
            var lines = File.ReadAllLines(document.File.Path);
            foreach (var paragraph in document.Paragraphs.Where(p => p.LastLine > p.FirstLine))
            {
                // Join the last characters of one source line with the first of the next non-blank line.
                var inside = Enumerable.Range(paragraph.FirstLine, paragraph.LastLine - paragraph.FirstLine + 1)
                    .Select(n => BruteForce.NormalizeQuery(lines[n - 1].TrimStart('#')))
                    .Where(l => l.Length >= 3)
                    .ToList();
                for (var i = 0; i + 1 < inside.Count; i++)
                {
                    var phrase = inside[i][^3..] + inside[i + 1][..3];
                    if (BruteForce.NormalizeQuery(paragraph.Text).Contains(phrase, StringComparison.Ordinal))
                    {
                        phrases.Add((phrase, $"{paragraph.Doc}#{paragraph.Number}"));
                    }
                }
            }
        }
        Assert.True(phrases.Count >= 50, $"only {phrases.Count} wrap-crossing phrases");
        foreach (var (phrase, id) in phrases)
        {
            var response = index.SearchAll(Quote(phrase));
            Assert.Contains(response.Hits, h => h.Id == id);
        }
        AssertAllMatchBruteForce([.. phrases.Select(p => p.Phrase).Distinct()]);
    }

    [Fact]
    public void Search_NumbersWithAndWithoutSpaces_FindBothForms()
    {
        var spaced = new HashSet<string>();
        foreach (var document in index.Documents)
        {
            foreach (Match m in SpacedNumber().Matches(File.ReadAllText(document.File.Path)))
            {
                spaced.Add(m.Value);
            }
        }
        Assert.NotEmpty(spaced);
        foreach (var phrase in spaced.Take(60))
        {
            var compact = phrase.Replace(" ", string.Empty, StringComparison.Ordinal);
            var withSpace = index.SearchAll(Quote(phrase));
            var without = index.SearchAll(compact);
            Assert.Equal(withSpace.Hits.Select(h => h.Id), without.Hits.Select(h => h.Id));
            Assert.Equal(Expected(compact).Keys.Order(), without.Hits.Select(h => h.Id).Order());
        }
    }

    [Theory]
    [InlineData("天开西青园")]
    [InlineData("赛达新城")]
    [InlineData("2023年")]
    [InlineData("京津冀协同发展")]
    [InlineData("5G")]
    [InlineData("5g")]
    [InlineData("350亿元")]
    [InlineData("同比增长4.2%")]
    [InlineData("中芯国际“大二期”项目")]
    [InlineData("专精特新")]
    [InlineData("水")]
    [InlineData("5")]
    [InlineData("%")]
    [InlineData("园区")]
    [InlineData("“十四五”")]
    public void Search_PhrasesThatWordSegmentationMisses_MatchBruteForce(string phrase)
    {
        AssertAllMatchBruteForce([phrase]);
        Assert.Equal(Expected(phrase).Count, index.SearchAll(Quote(phrase)).TotalHits);
    }

    [Fact]
    public void Search_TianKaiXiqingPark_FindsEveryOccurrenceOverTwoYears()
    {
        // The issue's own figures: 5 paragraphs, 8 occurrences, in the 2024 and 2025 documents.
        var response = index.SearchAll("天开西青园");
        Assert.Equal(5, response.TotalHits);
        Assert.Equal(8, response.TotalOccurrences);
        Assert.Equal(["2025", "2024"], response.Facets.Year.Select(y => y.Value));
        Assert.All(response.Hits, h => Assert.All(h.Highlights, s => Assert.Equal("天开西青园", h.Text[s.Start..s.End])));
    }

    private void AssertAllMatchBruteForce(IReadOnlyCollection<string> phrases)
    {
        var failures = new List<string>();
        foreach (var phrase in phrases.Distinct())
        {
            var expected = Expected(phrase);
            var response = index.SearchAll(Quote(phrase));
            var actual = response.Hits.ToDictionary(h => h.Id, h => h.Highlights.ToList());
            if (!expected.Keys.Order().SequenceEqual(actual.Keys.Order()))
            {
                failures.Add($"{phrase}: expected {expected.Count} paragraphs, got {actual.Count} " +
                    $"(missing {string.Join(",", expected.Keys.Except(actual.Keys).Take(3))}; extra {string.Join(",", actual.Keys.Except(expected.Keys).Take(3))})");
                continue;
            }
            foreach (var (id, spans) in expected)
            {
                if (!spans.SequenceEqual(actual[id]))
                {
                    failures.Add($"{phrase} in {id}: expected spans {string.Join(" ", spans)}, got {string.Join(" ", actual[id])}");
                }
            }
            if (response.TotalOccurrences != expected.Values.Sum(s => s.Count))
            {
                failures.Add($"{phrase}: totalOccurrences {response.TotalOccurrences}, expected {expected.Values.Sum(s => s.Count)}");
            }
        }
        output.WriteLine($"{phrases.Distinct().Count()} distinct phrases, {failures.Count} differing from the brute-force scan");
        Assert.True(failures.Count == 0, $"{failures.Count} of {phrases.Count} phrases differ:\n" + string.Join("\n", failures.Take(20)));
    }

    private Dictionary<string, List<Problems.TextSpan>> Expected(string phrase)
    {
        var expected = new Dictionary<string, List<Problems.TextSpan>>();
        foreach (var (_, p) in index.Paragraphs)
        {
            var spans = BruteForce.Occurrences(p.Text, phrase);
            if (spans.Count > 0)
            {
                expected[$"{p.Doc}#{p.Number}"] = spans;
            }
        }
        return expected;
    }

    /// <summary>Every 2- to 8-character substring of <paramref name="windows"/> windows of sampled paragraph text.</summary>
    private List<string> SampledSubstrings(int seed, int windows, int windowLength)
    {
        var random = new Random(seed);
        var texts = index.Paragraphs.Select(p => BruteForce.NormalizeQuery(p.Paragraph.Text)).Where(t => t.Length > windowLength).ToList();
        var phrases = new List<string>();
        for (var w = 0; w < windows; w++)
        {
            var text = texts[random.Next(texts.Count)];
            var start = random.Next(0, text.Length - windowLength);
            var window = text.Substring(start, windowLength);
            for (var length = 2; length <= 8; length++)
            {
                for (var i = 0; i + length <= window.Length; i++)
                {
                    phrases.Add(window.Substring(i, length));
                }
            }
        }
        return [.. phrases.Distinct()];
    }

    private static string Quote(string phrase) =>
        "\"" + phrase.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex(@"\d+(\.\d+)? +[年月日亿万元%]")]
    private static partial Regex SpacedNumber();
}
