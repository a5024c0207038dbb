using XiqingSearch.Core.Search.Engine;

namespace XiqingSearch.Core.Tests.Search.Engine;

public sealed class TopHitsTests
{
    // Score first, then document and paragraph: the shape of the relevance order.
    private static int ByScore(MatchedRow a, MatchedRow b)
    {
        var c = b.Score.CompareTo(a.Score);
        return c != 0 ? c : a.Paragraph.CompareTo(b.Paragraph);
    }

    private static MatchedRow Match(float score, int paragraph) => new(paragraph, score, 1, 2024, 0, paragraph);

    [Fact]
    public void MayKeep_RefusesOnlyScoresBelowTheWorstKept_WhenFullAndByScore()
    {
        var top = new TopHits(2, ByScore, scoreFirst: true);
        Assert.True(top.MayKeep(0f));
        top.Offer(Match(3f, 1));
        top.Offer(Match(2f, 2));

        Assert.False(top.MayKeep(1.9f));
        // A tie with the worst is decided by the rest of the order, so it is offered.
        Assert.True(top.MayKeep(2f));
        Assert.True(top.MayKeep(5f));
        top.Offer(Match(2f, 0));
        var kept = top.Sorted();
        Assert.Equal([3f, 2f], kept.Select(m => m.Score));
        Assert.Equal([1, 0], kept.Select(m => m.Paragraph));
    }

    [Fact]
    public void MayKeep_IsAlwaysTrue_ForAnOrderThatIsNotByScoreFirst()
    {
        var top = new TopHits(1, ByScore);
        top.Offer(Match(3f, 1));

        Assert.True(top.MayKeep(0f));
    }

    [Fact]
    public void Offer_KeepsExactlyWhatAFullSortKeeps_WithTheScoreCheckInFront()
    {
        var random = new Random(7);
        var matches = Enumerable.Range(0, 2_000).Select(i => Match(random.Next(0, 50) / 4f, i)).ToList();
        var top = new TopHits(10, ByScore, scoreFirst: true);
        foreach (var match in matches)
        {
            if (top.MayKeep(match.Score))
            {
                top.Offer(match);
            }
        }

        var expected = matches.ToList();
        expected.Sort(ByScore);
        Assert.Equal(expected.Take(10).Select(m => m.Paragraph), top.Sorted().Select(m => m.Paragraph));
    }
}
