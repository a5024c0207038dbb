using System.Collections.Concurrent;
using XiqingSearch.Core.Analysis.SmartCn;

namespace XiqingSearch.Core.Tests.Analysis.SmartCn;

/// <summary>One shared, immutable dictionary used by many threads at once gives the same tokens as one thread.</summary>
public sealed class SmartCnConcurrencyTests
{
    [Fact]
    public void Analyze_ManyThreadsOneDictionary_GiveIdenticalTokens()
    {
        var golden = Path.Combine(AppContext.BaseDirectory, "Analysis", "Golden");
        var lines = File.ReadAllLines(Path.Combine(Testing.RepositoryRoot.Seeds, "000_313d8db390bab93c.txt"))
            .Concat(File.ReadAllLines(Path.Combine(golden, "fuzz.txt")).Take(300))
            .Where(l => l.Length > 0)
            .ToArray();
        var dictionary = TestDictionary.Instance;
        var expected = lines.Select(l => AnalyzedToken.Analyze(new SmartCnAnalyzer(dictionary), l)).ToArray();

        var sharedAnalyzer = new SmartCnAnalyzer(dictionary);
        var mismatches = new ConcurrentBag<string>();
        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            // Half the workers share one analyzer (Lucene reuses components per thread), half own one.
            var analyzer = worker % 2 == 0 ? sharedAnalyzer : new SmartCnAnalyzer(dictionary);
            for (var i = 0; i < lines.Length; i++)
            {
                var index = (i + (worker * 37)) % lines.Length;
                if (!AnalyzedToken.Analyze(analyzer, lines[index]).SequenceEqual(expected[index]))
                {
                    mismatches.Add($"worker {worker}, line {index}");
                }
            }
        });
        Assert.Empty(mismatches);
    }
}
