using System.Text.Json;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Tests.Search.Ranking;

/// <summary>
/// Ranking judged against <c>judged-queries.json</c>: which paragraphs a policy officer wants first. nDCG@10 with
/// gain 2^grade − 1; before the heading weight the set's mean was 0.781, after it 0.833.
/// </summary>
public sealed class RankingJudgementTests(SeedIndexFixture fixture) : IClassFixture<SeedIndexFixture>
{
    /// <summary>The set's mean nDCG@10 must not fall below this (0.781 before the heading weight, 0.833 after).</summary>
    private const double MinimumMeanNdcg = 0.82;

    private sealed record Judged(string Query, Dictionary<string, int> Grades);

    private static IReadOnlyList<Judged> Load()
    {
        var path = Path.Combine(Testing.RepositoryRoot.Path, "tests", "XiqingSearch.Core.Tests", "Search", "Ranking", "judged-queries.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.GetProperty("queries").EnumerateArray().Select(q => new Judged(
            q.GetProperty("query").GetString()!,
            q.GetProperty("grades").EnumerateObject().ToDictionary(g => g.Name, g => g.Value.GetInt32())))];
    }

    private double Ndcg(Judged judged, out IReadOnlyList<Core.Search.Model.SearchHit> top)
    {
        top = fixture.Engine.Search(new Core.Search.Model.SearchRequest { Query = judged.Query, Limit = 10 }).ValueOrThrow().Hits;
        var dcg = top.Select((h, i) => (Math.Pow(2, judged.Grades.GetValueOrDefault(h.Id)) - 1) / Math.Log2(i + 2)).Sum();
        var ideal = judged.Grades.Values.OrderDescending().Take(10).Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
        return dcg / ideal;
    }

    [Fact]
    public void JudgedQueries_MeanNdcgAt10_StaysHigh()
    {
        var judged = Load();
        var scores = judged.Select(j => Ndcg(j, out _)).ToList();

        Assert.True(judged.Count >= 6, "the judged set has its queries");
        var mean = scores.Average();
        Assert.True(mean >= MinimumMeanNdcg,
            $"mean nDCG@10 {mean:0.000}: " + string.Join(", ", judged.Zip(scores, (j, s) => $"{j.Query} {s:0.000}")));
    }

    [Fact]
    public void Headings_NeitherDominateNorVanish()
    {
        foreach (var judged in Load())
        {
            Ndcg(judged, out var top);
            var bestParagraph = judged.Grades.Where(g => g.Value == 3).Select(g => g.Key).ToHashSet();
            var headingsJudgedUseful = judged.Grades.Count(g => g.Value >= 2 && IsHeading(g.Key));
            if (bestParagraph.Count > 0)
            {
                // A paragraph about the phrase comes before any heading.
                Assert.NotEqual(ParagraphKinds.Heading, top[0].Kind);
            }
            if (headingsJudgedUseful > 0)
            {
                // The section headings about it are still on the first page.
                Assert.Contains(top, h => h.Kind == ParagraphKinds.Heading);
            }
        }
    }

    private bool IsHeading(string id)
    {
        var cut = id.LastIndexOf('#');
        var paragraph = fixture.Engine.GetParagraph(id[..cut], int.Parse(id[(cut + 1)..], System.Globalization.CultureInfo.InvariantCulture), 0).ValueOrThrow();
        return paragraph.Paragraph.Kind == ParagraphKinds.Heading;
    }
}
