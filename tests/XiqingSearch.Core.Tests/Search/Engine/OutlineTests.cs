using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Tests.Search.Engine;

/// <summary><see cref="SearchEngine.Outline"/> against the headings ingestion produced for each seed document.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class OutlineTests(SeedIndexFixture index)
{
    private static IEnumerable<OutlineHeading> Flatten(IEnumerable<OutlineHeading> headings) =>
        headings.SelectMany(h => Flatten(h.Children).Prepend(h));

    [Fact]
    public void Outline_EverySeedDocument_ListsItsHeadingsInOrderNestedByChapterPath()
    {
        Assert.NotEmpty(index.Documents);
        foreach (var document in index.Documents)
        {
            var doc = document.Paragraphs[0].Doc;
            var outline = index.Engine.Outline(doc).ValueOrThrow();
            var headings = document.Paragraphs.Where(p => p.Kind == ParagraphKind.Heading).ToList();
            // The title repeated as the text's first heading is the outline's title, not one of its headings.
            if (headings.Count > 0 && headings[0].Text == document.Title)
            {
                headings.RemoveAt(0);
            }

            Assert.Equal(document.Title, outline.Title);
            Assert.Equal(document.Paragraphs.Count, outline.Paragraphs);
            var flat = Flatten(outline.Headings).ToList();
            Assert.Equal(headings.Select(h => (h.Number, h.Text)), flat.Select(h => (h.Paragraph, h.Text)));
            var paths = headings.ToDictionary(h => h.Number, h => h.Chapter);
            foreach (var heading in flat)
            {
                Assert.Equal(paths[heading.Paragraph].Count, heading.Level);
                foreach (var child in heading.Children)
                {
                    // A child's chapter path runs through its parent.
                    Assert.True(child.Level > heading.Level);
                    Assert.Equal(paths[heading.Paragraph], paths[child.Paragraph].Take(paths[heading.Paragraph].Count));
                }
            }
        }
    }

    [Fact]
    public void Outline_FiveYearPlan_HasChaptersWithSectionsUnderThem()
    {
        var plan = index.Documents.Single(d => d.Type == "five-year-plan");

        var outline = index.Engine.Outline(plan.Paragraphs[0].Doc).ValueOrThrow();

        Assert.True(outline.Headings.Count >= 10);
        Assert.All(outline.Headings, h => Assert.Equal(1, h.Level));
        Assert.True(outline.Headings.Count(h => h.Children.Count > 0) >= 10);
        Assert.Equal("2021–2025", outline.Period);
    }

    [Fact]
    public void Outline_UnknownDocument_IsNotFound()
    {
        var result = index.Engine.Outline("no-such-document");

        Assert.False(result.IsSuccess);
        Assert.Equal(ProblemCodes.NotFound, result.Problems[0].Code);
    }
}
