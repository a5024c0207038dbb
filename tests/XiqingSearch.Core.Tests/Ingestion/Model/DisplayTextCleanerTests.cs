using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Ingestion.Model;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Tests.Search;

namespace XiqingSearch.Core.Tests.Ingestion.Model;

public sealed class DisplayTextCleanerTests(SeedIndexFixture index) : IClassFixture<SeedIndexFixture>
{
    [Theory]
    [InlineData("2023 年", "2023年")]
    [InlineData("政 府 工 作 报 告", "政府工作报告")]
    [InlineData("5G  AI", "5G AI")]
    [InlineData("打造创新型企业 and 科技成果", "打造创新型企业 and 科技成果")]
    [InlineData("GDP 增长 6%", "GDP 增长6%")]
    [InlineData("（ and ）", "（and）")]
    [InlineData("企业\u3000and\u3000科技", "企业 and 科技")]
    public void Clean_KeepsOnlyTheSpacesAReaderNeeds(string source, string shown) =>
        Assert.Equal(shown, DisplayTextCleaner.Clean(source));

    [Fact]
    public void Join_ALineBreakBetweenAnIdeographAndALatinWord_IsNoSpace() =>
        Assert.Equal("推进AI应用，企业 and 科技", DisplayTextCleaner.Join(["推进", "AI应用，企业 and 科技"]));

    [Fact]
    public void SeedParagraph_KeepsTheSpacesAroundAnd_AndStillMatchesWithoutThem()
    {
        var spaced = index.Engine.Search(new SearchRequest { Query = "\"企业 and 科技\"" }).ValueOrThrow();
        var unspaced = index.Engine.Search(new SearchRequest { Query = "企业and科技成果转化" }).ValueOrThrow();

        var hit = Assert.Single(spaced.Hits);
        Assert.Contains("创新型企业 and 科技成果转化", hit.Text, StringComparison.Ordinal);
        Assert.Equal(hit.Id, Assert.Single(unspaced.Hits).Id);
        Assert.Equal("企业 and 科技", hit.Text[hit.Highlights[0].Start..hit.Highlights[0].End]);
    }
}
