using XiqingSearch.Core.Search.Highlighting;

namespace XiqingSearch.Core.Tests.Search.Highlighting;

/// <summary>
/// Approximate occurrences as OCR misreads them: one edit for a phrase of 4–7 characters, two for 8 or more, none
/// for 3 or fewer; an exact occurrence is never reported as approximate.
/// </summary>
public sealed class ApproximateFinderTests
{
    private static List<string> Find(string text, string phrase)
    {
        var edits = ApproximateFinder.AllowedEdits(phrase);
        return [.. ApproximateFinder.Find(text, phrase, edits, ApproximateFinder.Exact(text, phrase)).Select(s => text[s.Start..s.End])];
    }

    [Theory]
    [InlineData("西青", 0)]
    [InlineData("西青区", 0)]
    [InlineData("天开园区", 1)]
    [InlineData("天开西青园", 1)]
    [InlineData("京津冀协同发展", 1)]
    [InlineData("京津冀协同发展走深", 2)]
    public void AllowedEdits_PhraseLength_FollowsFuzzinessAuto(string phrase, int edits) =>
        Assert.Equal(edits, ApproximateFinder.AllowedEdits(phrase));

    [Fact]
    public void Find_OneCharacterSubstituted_FindsTheMisreadWindow() =>
        Assert.Equal(["天开西青圆"], Find("推进天开西青圆建设", "天开西青园"));

    [Fact]
    public void Find_OneCharacterMissing_FindsTheShorterWindow() =>
        Assert.Equal(["天开青园"], Find("推进天开青园建设", "天开西青园"));

    [Fact]
    public void Find_OneCharacterExtra_FindsTheLongerWindow() =>
        Assert.Equal(["天开西一青园"], Find("推进天开西一青园建设", "天开西青园"));

    [Fact]
    public void Find_TwoEditsInAFiveCharacterPhrase_FindsNothing() =>
        Assert.Empty(Find("推进天开东青圆建设", "天开西青园"));

    [Fact]
    public void Find_TwoEditsInAnEightCharacterPhrase_FindsTheWindow() =>
        Assert.Equal(["京津翼协同发晨走深"], Find("推动京津翼协同发晨走深走实", "京津冀协同发展走深"));

    [Fact]
    public void Find_ThreeCharacterPhrase_NeverApproximate() =>
        Assert.Empty(Find("西清区和西青县", "西青区"));

    [Fact]
    public void Find_ExactOccurrence_IsNotApproximateNorItsNeighbourhood() =>
        Assert.Empty(Find("推进天开西青园建设，天开西青园。", "天开西青园"));

    [Fact]
    public void Find_ExactAndMisreadOccurrences_ReportsOnlyTheMisreadOne() =>
        Assert.Equal(["天开西青圆"], Find("天开西青园一期和天开西青圆二期", "天开西青园"));
}
