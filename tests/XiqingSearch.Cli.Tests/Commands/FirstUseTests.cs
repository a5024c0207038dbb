using System.Text.Json;
using XiqingSearch.Core.Json;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Cli.Tests.Commands;

/// <summary>
/// A fresh clone: the first search builds the index (progress on stderr), the next reuses it, a changed seed
/// rebuilds it. One sequence on one corpus, because each step depends on the one before.
/// </summary>
public sealed class FirstUseTests : IDisposable
{
    private readonly TempCorpus _corpus = new();

    [Fact]
    public void Search_FreshCloneThenWarmThenChangedSeed_BuildsReusesAndRebuilds()
    {
        // First use: no index yet.
        Assert.False(Directory.Exists(_corpus.Index));
        var first = _corpus.Run("search", "天开西青园");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("building the index", first.Stderr);
        Assert.Contains("5/5 files", first.Stderr);
        Assert.Contains("天开西青园", first.Stdout);
        Assert.NotEmpty(Directory.GetFiles(_corpus.Index, "segments_*"));
        var commit = Directory.GetFiles(_corpus.Index, "segments_*").Single();

        // Warm: the index is reused, nothing on stderr.
        var second = _corpus.Run("search", "天开西青园");
        Assert.Equal(0, second.ExitCode);
        Assert.Equal("", second.Stderr);
        Assert.Equal(commit, Directory.GetFiles(_corpus.Index, "segments_*").Single());

        // A seed changes: the next search rebuilds and finds the new text.
        var seed = Directory.GetFiles(_corpus.Seeds, "*.txt").Order(StringComparer.Ordinal).First();
        File.AppendAllText(seed, "\n\n新增段落：西青区试点建设量子通信示范园。\n");
        var third = _corpus.Run("search", "量子通信示范园", "--format", "json");
        Assert.Equal(0, third.ExitCode);
        Assert.Contains("seeds changed", third.Stderr);
        var response = JsonSerializer.Deserialize<SearchResponse>(third.Stdout, XiqingJson.Options)!;
        Assert.Equal(1, response.TotalHits);
        Assert.Equal(Path.GetFileNameWithoutExtension(seed), response.Hits[0].Doc);
    }

    public void Dispose() => _corpus.Dispose();
}
