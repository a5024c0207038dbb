using System.Text;
using XiqingSearch.Core.Export;
using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Tests.Search.Engine;

/// <summary>
/// <see cref="XiqingSearch.Core.Search.Engine.SearchEngine.Export"/>: the hits made a batch at a time are the
/// hits of the whole answer, so the streamed CSV is byte for byte the CSV of the whole answer.
/// </summary>
[Collection(SeedIndexCollection.Name)]
public sealed class SearchExportTests(SeedIndexFixture index)
{
    public static TheoryData<string, SearchSort> Queries => new()
    {
        { "发展", SearchSort.Relevance },
        { "发展", SearchSort.Document },
        { "乡村振兴 OR 数字经济", SearchSort.Year },
        { "\"京津冀协同发展\"", SearchSort.Oldest },
        { "创新 -科技", SearchSort.Relevance },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Export_SeedQueries_CsvBytesEqualTheWholeAnswers(string query, SearchSort sort)
    {
        var whole = index.SearchAll(query, r => r with { Sort = sort });
        Assert.True(whole.TotalHits > 0, $"no hits for {query}: the comparison would prove nothing");
        var expected = Csv(output => OccurrenceCsv.Write(whole, output));

        using var export = index.Engine.Export(new SearchRequest { Query = query, Sort = sort, Limit = 1, Offset = 3 }, QueryLimits.None).ValueOrThrow();
        // Small batches, so that the seeds' hits span many of them.
        var streamed = Csv(output => OccurrenceCsv.Write(export.Batches(7).SelectMany(b => b), output));

        Assert.Equal(expected, streamed);
        Assert.Equal(whole.TotalHits, export.Summary.TotalHits);
        Assert.Equal(whole.TotalOccurrences, export.Summary.TotalOccurrences);
        Assert.Empty(export.Summary.Hits);
    }

    [Fact]
    public void Export_Batches_NoBatchLargerThanAsked()
    {
        using var export = index.Engine.Export(new SearchRequest { Query = "发展" }, QueryLimits.None).ValueOrThrow();
        var sizes = export.Batches(5).Select(b => b.Count).ToList();

        Assert.True(sizes.Count > 1);
        Assert.All(sizes, s => Assert.InRange(s, 1, 5));
        Assert.Equal(export.Summary.TotalHits, sizes.Sum());
    }

    [Fact]
    public void Export_MalformedQuery_IsTheSearchsProblem()
    {
        var export = index.Engine.Export(new SearchRequest { Query = "\"未闭合" }, QueryLimits.None);
        var search = index.Engine.Search(new SearchRequest { Query = "\"未闭合", All = true });

        Assert.False(export.IsSuccess);
        Assert.Equal(ProblemCodes.QueryUnclosedQuote, export.Problems[0].Code);
        Assert.Equal(search.Problems[0].Code, export.Problems[0].Code);
    }

    [Fact]
    public void Export_AfterDispose_BatchesRefused()
    {
        var export = index.Engine.Export(new SearchRequest { Query = "发展" }, QueryLimits.None).ValueOrThrow();
        export.Dispose();

        Assert.Throws<ObjectDisposedException>(() => export.Batches().First());
    }

    private static byte[] Csv(Action<TextWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true))
        {
            write(writer);
        }
        return stream.ToArray();
    }
}
