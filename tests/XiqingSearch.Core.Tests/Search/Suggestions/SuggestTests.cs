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
        // Prefix matches come first, most frequent first.
        var prefixed = response.Suggestions.TakeWhile(s => s.Text.StartsWith("天开", StringComparison.Ordinal)).ToList();
        Assert.Equal(prefixed.OrderByDescending(s => s.Occurrences).Select(s => s.Occurrences), prefixed.Select(s => s.Occurrences));
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
