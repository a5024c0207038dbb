using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Tests.Search.Engine;

/// <summary>The start-up warm-up: searches taken from the index itself, repeated until the JIT has settled.</summary>
[Collection(SeedIndexCollection.Name)]
public sealed class WarmUpTests(SeedIndexFixture index)
{
    [Fact]
    public void WarmUp_SearchesPhrasesOfTheIndex_AndReturnsTheirAnswers()
    {
        var responses = index.Engine.WarmUp(TimeSpan.FromSeconds(5));

        Assert.NotEmpty(responses);
        // Taken from the index's own paragraphs, the warm-up's phrases find something.
        Assert.All(responses, r => Assert.True(r.TotalHits > 0, r.Query));
        // The same phrases answer the same way outside the warm-up.
        var first = responses[0];
        Assert.Equal(first.TotalHits, index.Engine.Search(new SearchRequest { Query = first.Query }).ValueOrThrow().TotalHits);
    }

    [Fact]
    public async Task UntilCompiled_RunsAtLeastTwoRoundsAndStopsWithinItsBound()
    {
        var calls = 0;
        var rounds = await SearchEngine.UntilCompiledAsync(() =>
        {
            calls++;
            return Task.CompletedTask;
        }, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(calls, rounds);
        // A first round always compiles something; the second is the earliest that can show nothing new.
        Assert.InRange(rounds, 2, 6);
    }

    [Fact]
    public async Task UntilCompiled_StopsAtTheBudget()
    {
        var rounds = await SearchEngine.UntilCompiledAsync(() => Task.Delay(50), TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(1, rounds);
    }
}
