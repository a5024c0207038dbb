using System.Diagnostics;
using XiqingSearch.Core.Search.Engine;
using static XiqingSearch.Benchmarks.Peer.BenchmarkHost;

namespace XiqingSearch.Benchmarks.Search;

/// <summary>
/// <c>SearchEngine.Suggest</c> latency as the search box calls it: every prefix of every benchmark phrase (as a
/// user types it), limit 8; the first call builds the commit's suggestion index (reported apart), then a warm-up
/// and timed rounds, mean and p99 (nearest rank) per call. No Java counterpart (Lucene's suggester is not served).
/// </summary>
internal static class SuggestLatency
{
    public static void Report(SearchEngine engine, IEnumerable<string> phrases, int warmup, int iterations)
    {
        var prefixes = phrases.SelectMany(p => Enumerable.Range(1, p.Length).Select(n => p[..n])).Distinct(StringComparer.Ordinal).ToArray();
        var build = Stopwatch.StartNew();
        var first = engine.Suggest(prefixes[0]);
        var buildMs = build.Elapsed.TotalMilliseconds;
        var returned = 0;
        for (var w = 0; w < Math.Max(1, warmup / 10); w++)
        {
            foreach (var p in prefixes)
            {
                returned += engine.Suggest(p).Suggestions.Count;
            }
        }
        var rounds = Math.Max(1, iterations / 10);
        var samples = new double[rounds * prefixes.Length];
        var k = 0;
        for (var r = 0; r < rounds; r++)
        {
            foreach (var p in prefixes)
            {
                var clock = Stopwatch.StartNew();
                returned += engine.Suggest(p).Suggestions.Count;
                samples[k++] = clock.Elapsed.TotalMicroseconds;
            }
        }
        Array.Sort(samples);
        var p99 = Percentile(samples, 99);
        Console.WriteLine();
        Console.WriteLine($"Suggest ({prefixes.Length} prefixes of the phrases, limit 8, {rounds} rounds): first call (builds the commit's " +
            $"suggestion index) {F(buildMs, 1)} ms; warm mean {F(samples.Average(), 1)} µs, p99 {F(p99, 1)} µs; " +
            $"{(returned > 0 && first.Suggestions.Count >= 0 ? "suggestions returned" : "NO suggestions")}");
    }
}
