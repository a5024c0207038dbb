using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Query;

namespace XiqingSearch.Core.Tests.Search.Query;

public sealed class SpacedNumbersTests
{
    [Theory]
    [InlineData("2023 年", "2023年")]
    [InlineData("2023  \t年", "2023年")]
    [InlineData("49200 元", "49200元")]
    [InlineData("同比增长4.2 %", "同比增长4.2%")]
    [InlineData("２０２３　年", "２０２３年")]
    [InlineData("2021 年 AND 天开", "2021年 AND 天开")]
    [InlineData("天开 2023 年 西青", "天开 2023年 西青")]
    [InlineData("2023 西青", "2023 西青")]             // not a unit: two terms
    [InlineData("西青 2023", "西青 2023")]
    [InlineData("\"2023 年\"", "\"2023 年\"")]         // a quoted phrase is already one phrase
    [InlineData("year:2023 年", "year:2023 年")]       // a field value is not joined to the next term
    [InlineData("year:[2021 TO 2023] 年", "year:[2021 TO 2023] 年")]
    [InlineData("\\2023 年", "\\2023年")]
    [InlineData("", "")]
    public void Join_RemovesOnlyTheSpaceBetweenANumberAndItsUnit(string query, string expected)
    {
        var joined = SpacedNumbers.Join(query, out var removed);
        Assert.Equal(expected, joined);
        Assert.Equal(query.Length - expected.Length, removed.Count);
        Assert.All(removed, at => Assert.True(char.IsWhiteSpace(query[at])));
    }

    [Fact]
    public void MapBack_MovesSpansOntoTheTypedQuery()
    {
        const string Typed = "2023  年 AND 2021 年 OR";
        var joined = SpacedNumbers.Join(Typed, out var removed);
        Assert.Equal("2023年 AND 2021年 OR", joined);

        // Every character that survived maps back onto itself in the typed query.
        for (var i = 0; i < joined.Length; i++)
        {
            var back = SpacedNumbers.MapBack(new Problem("x", "m", joined, new TextSpan(i, i + 1)), Typed, removed).Span!.Value;
            Assert.Equal(joined[i], Typed[back.Start]);
        }
        var end = SpacedNumbers.MapBack(new Problem("x", "m", joined, new TextSpan(joined.Length, joined.Length)), Typed, removed);
        Assert.Equal(Typed.Length, end.Span!.Value.Start);
        Assert.Equal(Typed, end.Source);
    }
}
