using System.Net;
using System.Text.Json;
using XiqingSearch.Testing;

namespace XiqingSearch.Server.Tests.Endpoints;

/// <summary>
/// A share of the query fuzzer through the real HTTP server (the engine suite runs 10,000 cases in process):
/// generated queries with generated parameters, repeated and unknown ones included. Never a 500; every 400
/// names a position or a parameter; every 200 is a well-formed result. XIQING_FUZZ_SEED replays a run.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class SearchFuzzTests(ServerFixture server)
{
    public const int Cases = 1_500;

    [Fact]
    public async Task GeneratedRequests_NeverA500_EveryErrorSaysWhere()
    {
        var failures = new List<string>();
        var statuses = new Dictionary<HttpStatusCode, int>();
        foreach (var fuzz in QueryFuzz.Sample(Cases, stream: 1))
        {
            var url = "/api/search?" + fuzz.ToQueryString();
            using var response = await server.Client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            var wrong = Check(response.StatusCode, body);
            if (wrong is not null)
            {
                failures.Add($"{url} → {(int)response.StatusCode}: {wrong} {body[..Math.Min(300, body.Length)]}");
            }
        }
        Assert.True(failures.Count == 0,
            $"XIQING_FUZZ_SEED={QueryFuzz.Seed}: {failures.Count} of {Cases} requests failed:\n" + string.Join("\n", failures.Take(20)));
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.OK) > Cases / 10, string.Join(", ", statuses));
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.BadRequest) > Cases / 10, string.Join(", ", statuses));
    }

    private static string? Check(HttpStatusCode status, string body)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException)
        {
            return "body is not JSON";
        }
        switch (status)
        {
            case HttpStatusCode.OK:
                return root.TryGetProperty("totalHits", out var total) && total.GetInt32() >= 0
                    && root.TryGetProperty("hits", out var hits) && hits.ValueKind == JsonValueKind.Array
                    && hits.GetArrayLength() <= root.GetProperty("limit").GetInt32()
                    && root.TryGetProperty("facets", out _)
                    ? null
                    : "not a well-formed result";
            case HttpStatusCode.BadRequest:
                var error = root.GetProperty("error");
                var hasPosition = error.TryGetProperty("position", out var position) && position.GetInt32() >= 1;
                var hasParameter = error.TryGetProperty("parameter", out var parameter) && parameter.GetString() is { Length: > 0 };
                if (!error.TryGetProperty("message", out _) || !error.TryGetProperty("code", out _))
                {
                    return "error without code or message";
                }
                var isQuery = error.GetProperty("code").GetString()!.StartsWith("query.", StringComparison.Ordinal);
                return (isQuery ? hasPosition : hasParameter) ? null : "400 without its position or parameter";
            default:
                return "unexpected status";
        }
    }
}
