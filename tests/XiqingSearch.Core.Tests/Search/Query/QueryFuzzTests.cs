using XiqingSearch.Core.Problems;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Testing;

namespace XiqingSearch.Core.Tests.Search.Query;

/// <summary>
/// 10,000 generated queries and parameter sets per run against the engine over the real seeds index: never an
/// exception (an internal error), every query problem with a position inside the query, every parameter problem
/// naming its parameter, every answer well-formed. The seed is printed on failure; XIQING_FUZZ_SEED replays it.
/// </summary>
public sealed class QueryFuzzTests(SeedIndexFixture index) : IClassFixture<SeedIndexFixture>
{
    public const int Cases = 10_000;

    [Fact]
    public void GeneratedQueries_NeverFailInternally_AndAnswerWellFormed()
    {
        var cases = QueryFuzz.Sample(Cases);
        var failures = new List<string>();
        var answered = 0;
        var refused = 0;
        foreach (var fuzz in cases)
        {
            var request = ToRequest(fuzz);
            try
            {
                var result = index.Engine.Search(request, QueryLimits.Default);
                var wrong = result.IsSuccess ? CheckAnswer(request, result.Value) : CheckProblems(request, result.Problems);
                if (wrong is not null)
                {
                    failures.Add($"{fuzz}: {wrong}");
                }
                _ = result.IsSuccess ? answered++ : refused++;
            }
            catch (Exception e)
            {
                failures.Add($"{fuzz}: internal error {e.GetType().Name}: {e.Message}");
            }
        }
        Assert.True(failures.Count == 0,
            $"XIQING_FUZZ_SEED={QueryFuzz.Seed}: {failures.Count} of {cases.Length} cases failed:\n" + string.Join("\n", failures.Take(20)));
        Assert.Equal(Cases, answered + refused);
        // The generator reaches both sides: real answers and refusals.
        Assert.True(answered > Cases / 10 && refused > Cases / 10, $"answered {answered}, refused {refused} (seed {QueryFuzz.Seed})");
    }

    /// <summary>What the front ends hand the engine: unknown sort and bad years are theirs to refuse, not the engine's.</summary>
    private static SearchRequest ToRequest(FuzzCase fuzz) => new()
    {
        Query = fuzz.Query,
        Offset = fuzz.Offset ?? 0,
        Limit = fuzz.Limit ?? 10,
        Sort = fuzz.Sort?.ToLowerInvariant() switch
        {
            "year" => SearchSort.Year,
            "document" => SearchSort.Document,
            _ => SearchSort.Relevance,
        },
        Years = [.. fuzz.Years.Select(y => YearRange.TryParse(y, out var range) ? range : (YearRange?)null).OfType<YearRange>()],
        Topics = fuzz.Topics,
        Chapters = fuzz.Chapters,
        Docs = fuzz.Docs,
        Kinds = fuzz.Kinds,
    };

    private static string? CheckProblems(SearchRequest request, IReadOnlyList<Problem> problems)
    {
        foreach (var problem in problems)
        {
            if (string.IsNullOrWhiteSpace(problem.Message))
            {
                return $"{problem.Code} without a message";
            }
            if (problem.Code.StartsWith("query.", StringComparison.Ordinal))
            {
                if (problem.Span is not { } span || span.Start < 0 || span.End < span.Start || span.End > request.Query.Length)
                {
                    return $"{problem.Code} without a position inside the query: {problem.Span} ({problem.Message})";
                }
            }
            else if (problem.Code == ProblemCodes.BadParameter)
            {
                if (problem.Parameter is null)
                {
                    return $"{problem.Code} without its parameter ({problem.Message})";
                }
            }
            else
            {
                return $"unexpected problem {problem.Code}: {problem.Message}";
            }
        }
        return null;
    }

    private static string? CheckAnswer(SearchRequest request, SearchResponse response)
    {
        if (string.IsNullOrEmpty(response.Parsed))
        {
            return "no parsed form";
        }
        var expectedPage = Math.Max(0, Math.Min(request.Limit, response.TotalHits - request.Offset));
        if (response.Hits.Count != expectedPage)
        {
            return $"{response.Hits.Count} hits on the page, expected {expectedPage} of {response.TotalHits}";
        }
        var pageOccurrences = 0;
        foreach (var hit in response.Hits)
        {
            foreach (var h in hit.Highlights)
            {
                if (h.Start < 0 || h.End <= h.Start || h.End > hit.Text.Length)
                {
                    return $"highlight {h.Start}..{h.End} outside {hit.Id} ({hit.Text.Length} chars)";
                }
            }
            foreach (var h in hit.SnippetHighlights)
            {
                if (h.Start < 0 || h.End <= h.Start || h.End > hit.Snippet.Length)
                {
                    return $"snippet highlight {h.Start}..{h.End} outside the snippet of {hit.Id}";
                }
            }
            if (request.Years.Count > 0 && !request.Years.Any(y => y.Contains(hit.Year ?? 0)))
            {
                return $"{hit.Id} of {hit.Year} passes the year filter";
            }
            if (request.Kinds.Count > 0 && !request.Kinds.Contains(hit.Kind))
            {
                return $"{hit.Id} of kind {hit.Kind} passes the kind filter";
            }
            pageOccurrences += hit.Highlights.Count;
        }
        if (pageOccurrences > response.TotalOccurrences || response.TotalHits < 0)
        {
            return $"totals {response.TotalHits}/{response.TotalOccurrences} below the page's";
        }
        return response.Facets is null ? "no facets" : null;
    }
}
