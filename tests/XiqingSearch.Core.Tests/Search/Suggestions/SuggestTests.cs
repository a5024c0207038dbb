using System.Diagnostics;
using Xunit.Abstractions;

namespace XiqingSearch.Core.Tests.Search.Suggestions;

/// <summary>Completions for the search box, on the seeds, checked against brute-force counts.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class SuggestTests(SeedIndexFixture index, ITestOutputHelper output)
{
    [Fact]
    public void Suggest_Prefix_GivesCorpusPhrasesStartingWithItWithTheirOccurrences()
    {
        var response = index.Engine.Suggest("天开", 8);
        Assert.NotEmpty(response.Suggestions);
        Assert.True(response.Suggestions.Count <= 8);
        Assert.Contains(response.Suggestions, s => s.Text == "天开西青园");
        foreach (var s in response.Suggestions)
        {
            Assert.Contains("天开", s.Text, StringComparison.Ordinal);
            Assert.Equal(CorpusOccurrences(s.Text), s.Occurrences);
        }
        // Prefix matches come first: headings and words, then sequences of words, each most frequent first.
        var prefixed = response.Suggestions.TakeWhile(s => s.Text.StartsWith("天开", StringComparison.Ordinal)).ToList();
        Assert.Equal(prefixed.OrderBy(s => s.Kind == "ngram").ThenByDescending(s => s.Occurrences).Select(s => s.Text), prefixed.Select(s => s.Text));
    }

    [Fact]
    public void Suggest_TianKai_CompleteNameFirstAndNoFragments()
    {
        var texts = index.Engine.Suggest("天开", 10).Suggestions.Select(s => s.Text).ToList();
        output.WriteLine(string.Join(", ", texts));
        Assert.Equal("天开西青园", texts.First(t => t.StartsWith("天开西", StringComparison.Ordinal)));
        // 天开西 and 天开西青 end inside a word or always inside 天开西青园; 设天开 starts inside 建设.
        Assert.DoesNotContain("天开西", texts);
        Assert.DoesNotContain("天开西青", texts);
        Assert.DoesNotContain(texts, t => t.StartsWith("设天开", StringComparison.Ordinal));
    }

    [Fact]
    public void Suggest_EverySequence_StartsAndEndsOnWordBoundaries()
    {
        using var analyzer = new XiqingSearch.Core.Analysis.SmartCn.SmartCnAnalyzer(
            XiqingSearch.Core.Analysis.SmartCn.SmartCnDictionary.Shared(XiqingSearch.Core.Analysis.SmartCn.SmartCnOptions.For(null)));
        foreach (var query in new[] { "天开", "西青", "高质量", "产业", "京津冀" })
        {
            foreach (var s in index.Engine.Suggest(query, 20).Suggestions.Where(s => s.Kind == "ngram"))
            {
                // Somewhere in the corpus the sequence stands as whole words.
                var whole = index.Paragraphs.Any(p =>
                {
                    var text = XiqingSearch.Core.Analysis.Bigrams.MatchFolding.Normalize(p.Paragraph.Text);
                    var at = text.IndexOf(s.Text, StringComparison.Ordinal);
                    if (at < 0)
                    {
                        return false;
                    }
                    var bounds = new bool[text.Length + 1];
                    XiqingSearch.Core.Search.Analytics.TermCandidates.Extract(analyzer, p.Paragraph.Text, new Dictionary<string, bool>(), bounds);
                    for (; at >= 0; at = text.IndexOf(s.Text, at + 1, StringComparison.Ordinal))
                    {
                        if (bounds[at] && bounds[at + s.Text.Length])
                        {
                            return true;
                        }
                    }
                    return false;
                });
                Assert.True(whole, $"{s.Text} never stands as whole words");
            }
        }
    }

    [Fact]
    public void Suggest_ContainedText_FillsUpAfterThePrefixMatches()
    {
        var response = index.Engine.Suggest("西青园", 20);
        Assert.Contains(response.Suggestions, s => s.Text.StartsWith("天开", StringComparison.Ordinal));
        Assert.All(response.Suggestions, s => Assert.Contains("西青园", s.Text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("天開")]          // traditional
    [InlineData("  天开 ")]       // whitespace
    public void Suggest_TypedVariants_SameAsPlain(string typed)
    {
        Assert.Equal(index.Engine.Suggest("天开").Suggestions, index.Engine.Suggest(typed).Suggestions);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("𠀀𠀀")]
    [InlineData("\"(:")]
    public void Suggest_NothingToComplete_IsEmptyNotAnError(string typed)
    {
        Assert.Empty(index.Engine.Suggest(typed).Suggestions);
    }

    [Fact]
    public void Suggest_KindsAreHeadingsWordsAndNgrams()
    {
        var kinds = new[] { "发展", "西青", "科技", "京津冀", "教育" }
            .SelectMany(q => index.Engine.Suggest(q, 50).Suggestions).Select(s => s.Kind).Distinct().ToList();
        Assert.Contains("word", kinds);
        Assert.Contains("ngram", kinds);
        Assert.Contains("heading", kinds);
    }

    [Fact]
    public void Suggest_Latency_IsPrinted()
    {
        // Not a timing assertion (the search benchmark reports latency); shows the warm cost per lookup.
        index.Engine.Suggest("天开");
        var prefixes = new[] { "天开", "发", "西青", "京津冀", "高质量", "5G", "产业", "水" };
        var clock = Stopwatch.StartNew();
        var n = 0;
        for (var round = 0; round < 200; round++)
        {
            foreach (var p in prefixes)
            {
                n += index.Engine.Suggest(p).Suggestions.Count;
            }
        }
        output.WriteLine($"{clock.Elapsed.TotalMicroseconds / (200 * prefixes.Length):F1} µs per lookup");
        Assert.True(n > 0);
    }

    private int CorpusOccurrences(string normalized)
    {
        var total = 0;
        foreach (var (_, p) in index.Paragraphs)
        {
            var text = BruteForce.NormalizeQuery(p.Text);
            for (var at = text.IndexOf(normalized, StringComparison.Ordinal); at >= 0; at = text.IndexOf(normalized, at + 1, StringComparison.Ordinal))
            {
                total++;
            }
        }
        return total;
    }
}
