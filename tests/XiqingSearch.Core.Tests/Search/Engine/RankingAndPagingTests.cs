using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Highlighting;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Tests.Search.Engine;

/// <summary>Sort orders, paging, snippets and the highlight invariants.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class RankingAndPagingTests(SeedIndexFixture index)
{
    [Fact]
    public void Search_Relevance_ScoresNeverIncreaseAndTiesGoToNewerYears()
    {
        var hits = index.SearchAll("京津冀协同发展").Hits;
        for (var i = 1; i < hits.Count; i++)
        {
            Assert.True(hits[i - 1].Score >= hits[i].Score);
            if (hits[i - 1].Score == hits[i].Score)
            {
                Assert.True(hits[i - 1].Year >= hits[i].Year);
            }
        }
    }

    [Fact]
    public void Search_SortByYear_NewestFirstThenReadingOrder()
    {
        var hits = index.SearchAll("发展", r => r with { Sort = SearchSort.Year }).Hits;
        for (var i = 1; i < hits.Count; i++)
        {
            Assert.True(hits[i - 1].Year >= hits[i].Year);
            if (hits[i - 1].Year == hits[i].Year && hits[i - 1].Doc == hits[i].Doc)
            {
                Assert.True(hits[i - 1].Paragraph < hits[i].Paragraph);
            }
        }
    }

    [Fact]
    public void Search_SortByDocument_IsReadingOrder()
    {
        var hits = index.SearchAll("发展", r => r with { Sort = SearchSort.Document }).Hits;
        var order = hits.Select(h => (h.Doc, h.Paragraph)).ToList();
        Assert.Equal(order.OrderBy(o => o.Doc, StringComparer.Ordinal).ThenBy(o => o.Paragraph), order);
    }

    [Fact]
    public void Search_Pages_TileTheFullResult()
    {
        var all = index.SearchAll("发展").Hits.Select(h => h.Id).ToList();
        var paged = new List<string>();
        for (var offset = 0; offset < all.Count; offset += 25)
        {
            var page = index.Engine.Search(new SearchRequest { Query = "发展", Offset = offset, Limit = 25 }).Value;
            Assert.Equal(all.Count, page.TotalHits);
            paged.AddRange(page.Hits.Select(h => h.Id));
        }
        Assert.Equal(all, paged);
    }

    [Theory]
    [InlineData("发展")]
    [InlineData("西青 西青区")]
    [InlineData("高质量发展 OR 京津冀")]
    public void Highlights_AreSortedDisjointInsideTheTextAndMatchAPhrase(string query)
    {
        var phrases = query.Split(' ').Where(p => p != "OR").Select(BruteForce.NormalizeQuery).ToList();
        foreach (var hit in index.SearchAll(query).Hits)
        {
            Assert.NotEmpty(hit.Highlights);
            for (var i = 0; i < hit.Highlights.Count; i++)
            {
                var span = hit.Highlights[i];
                Assert.InRange(span.Start, 0, hit.Text.Length);
                Assert.InRange(span.End, span.Start + 1, hit.Text.Length);
                Assert.True(i == 0 || hit.Highlights[i - 1].End <= span.Start);
                var slice = BruteForce.NormalizeQuery(hit.Text[span.Start..span.End]);
                Assert.Contains(phrases, p => slice.Contains(p, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Snippet_ShowsTheFirstMatchAndItsHighlightsMatchTheText()
    {
        foreach (var hit in index.SearchAll("高质量发展").Hits)
        {
            Assert.NotEmpty(hit.SnippetHighlights);
            Assert.True(hit.Snippet.Length <= SnippetBuilder.MaxLength + 20 || hit.Snippet == hit.Text);
            var first = hit.Highlights[0];
            Assert.Equal(hit.Text[first.Start..first.End], hit.Snippet[hit.SnippetHighlights[0].Start..hit.SnippetHighlights[0].End]);
            Assert.All(hit.SnippetHighlights, s => Assert.Equal("高质量发展", BruteForce.NormalizeQuery(hit.Snippet[s.Start..s.End])));
        }
    }

    [Fact]
    public void GetParagraph_ReturnsNeighboursAndChapter()
    {
        var context = index.Engine.GetParagraph(index.Documents[0].File.Id, 10, 2).ValueOrThrow();
        Assert.Equal(10, context.Paragraph.Paragraph);
        Assert.Equal([8, 9], context.Before.Select(p => p.Paragraph));
        Assert.Equal([11, 12], context.After.Select(p => p.Paragraph));
        Assert.NotEmpty(context.Paragraph.Chapter);
        Assert.Equal(Problems.ProblemCodes.NotFound, index.Engine.GetParagraph("nope", 1, 0).Problems[0].Code);
    }

    [Fact]
    public void Documents_ListEverySeedWithItsYearAndCounts()
    {
        var documents = index.Engine.Documents();
        Assert.Equal(index.Documents.Select(d => (d.File.Id, (int?)d.Year, d.Paragraphs.Count)),
            documents.Select(d => (d.Doc, (int?)d.Year, d.Paragraphs)));
    }
}
