using System.Diagnostics;
using System.Runtime;
using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Search.Engine;

public sealed partial class SearchEngine
{
    /// <summary>Pause after a warm-up round in which the JIT's background tier-up may run (it starts 100 ms after
    /// the last new method).</summary>
    private static readonly TimeSpan s_settlePause = TimeSpan.FromMilliseconds(150);

    /// <summary>Most warm-up rounds: enough for every per-search method to pass 30 calls and be recompiled, also
    /// in a process where other work keeps the JIT busy (a test run), where the count never settles.</summary>
    private const int MaxRounds = 6;

    /// <summary>
    /// Runs searches of the shapes users send (a common two-character phrase, a longer phrase, one character, an
    /// OR with a facet filter, a year sort, the second page) so that the first real search does not pay for
    /// compiling the search path, and the commit's term dictionary and postings the common phrases read are in
    /// memory. The phrases are taken from the index itself (its first paragraphs), so warming works on any corpus.
    /// <para>
    /// One round compiles the path, but only at the JIT's first tier: a method is recompiled at full optimisation
    /// after 30 calls, in the background, and a search of 27,000 hits on first-tier code takes 10–30× a warm one.
    /// So rounds repeat, each followed by a short pause, until a round and its pause compile nothing new
    /// (<see cref="JitInfo.GetCompiledMethodCount"/>), at most <see cref="MaxRounds"/> and within
    /// <paramref name="budget"/> (default 10 s).
    /// </para>
    /// Returns the last round's responses, for a front end that also wants to warm its serialiser.
    /// <paramref name="cancellationToken"/> stops it between two searches (a server shutting down while it warms
    /// up in the background): <see cref="OperationCanceledException"/>.
    /// </summary>
    public IReadOnlyList<SearchResponse> WarmUp(TimeSpan? budget = null, CancellationToken cancellationToken = default)
    {
        // The analytics aggregates on the other core meanwhile: the first suggestion and new-terms find them ready.
        PrepareAnalyticsInBackground();
        var table = Volatile.Read(ref _current).Table;
        var texts = new List<string>();
        foreach (var row in table.Rows)
        {
            var text = MatchFolding.Normalize(row.Text);
            if (text.Length >= 6 && !text.Any(char.IsSurrogate))
            {
                texts.Add(text);
                if (texts.Count == 3)
                {
                    break;
                }
            }
        }
        if (texts.Count == 0)
        {
            return [];
        }
        var year = table.Rows.First().Year;
        var requests = new List<SearchRequest>();
        foreach (var text in texts)
        {
            requests.Add(new SearchRequest { Query = Quote(text[..2]) });
            requests.Add(new SearchRequest { Query = Quote(text[..5]) });
        }
        requests.Add(new SearchRequest { Query = Quote(texts[0][..1]) });
        requests.Add(new SearchRequest { Query = $"{Quote(texts[0][..2])} OR {Quote(texts[^1][2..4])}", Years = [new YearRange(year, year)] });
        requests.Add(new SearchRequest { Query = Quote(texts[0][..2]), Sort = SearchSort.Year, Offset = 10 });
        var responses = new List<SearchResponse>();
        // Called from a start-up thread with no synchronisation context, so waiting on the rounds is safe.
        UntilCompiledAsync(() =>
        {
            responses.Clear();
            foreach (var request in requests)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Search(request) is { IsSuccess: true } result)
                {
                    responses.Add(result.Value);
                }
            }
            return Task.CompletedTask;
        }, budget ?? TimeSpan.FromSeconds(10), cancellationToken).GetAwaiter().GetResult();
        return responses;
    }

    /// <summary>
    /// Runs <paramref name="round"/> until a round and a short pause after it compile nothing new (see
    /// <see cref="WarmUp"/>), within <paramref name="budget"/>; for a front end warming its own path the same way.
    /// Returns the number of rounds run.
    /// </summary>
    public static async Task<int> UntilCompiledAsync(Func<Task> round, TimeSpan budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var clock = Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        for (var rounds = 1; ; rounds++)
        {
            await round();
            await Task.Delay(s_settlePause, cancellationToken);
            var now = JitInfo.GetCompiledMethodCount();
            if ((rounds > 1 && now == compiled) || rounds >= MaxRounds || clock.Elapsed > budget)
            {
                return rounds;
            }
            compiled = now;
        }
    }

    /// <summary>A quoted phrase: text taken from a paragraph may hold characters the query language reads as operators.</summary>
    private static string Quote(string text) => "\"" + text.Replace("\"", "", StringComparison.Ordinal) + "\"";
}
