using System.Diagnostics;
using System.Runtime.CompilerServices;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Analytics;
using XiqingSearch.Core.Search.Commit;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Search.Query;
using XiqingSearch.Core.Search.Suggestions;

namespace XiqingSearch.Core.Search.Engine;

/// <summary>
/// Year-by-year views over the engine: phrases compared across years, and the terms new in (or gone from) a year.
/// Every count is what <see cref="Search(SearchRequest)"/> counts for the same query and filters: a comparison matches and
/// counts each phrase as a search does (<see cref="CompareCounter"/>), so matching, folding and recall are the search's own.
/// </summary>
public sealed partial class SearchEngine
{
    /// <summary>Each phrase's occurrences, paragraphs and documents per year.</summary>
    public Result<CompareResult> Compare(CompareRequest request)
    {
        var clock = Stopwatch.StartNew();
        var phrases = new List<string>();
        foreach (var phrase in request.Phrases)
        {
            var trimmed = phrase.Trim();
            if (trimmed.Length > 0 && !phrases.Contains(trimmed, StringComparer.Ordinal))
            {
                phrases.Add(trimmed);
            }
        }
        if (phrases.Count == 0)
        {
            return SearchMessages.NoPhrases();
        }
        if (phrases.Count > CompareRequest.MaxPhrases)
        {
            return SearchMessages.TooManyPhrases(phrases.Count, CompareRequest.MaxPhrases);
        }
        var compared = CompareCore(phrases, request);
        return compared.IsSuccess ? compared.Value with { TookMs = Math.Round(clock.Elapsed.TotalMilliseconds, 3) } : compared;
    }

    /// <summary>The terms that appear in <see cref="NewTermsRequest.Year"/> and those that disappear from it (<see cref="NewTermsFinder"/>).</summary>
    public Result<NewTermsResult> NewTerms(NewTermsRequest request) =>
        _newTerms.Find(request, (caller, action) => WithTable(caller, table => action(Attached(table))), CompareCore);

    /// <summary>
    /// <paramref name="table"/>, its commit told where its analytics file is (<see cref="CommitAnalytics"/>): an
    /// answer that reads aggregates reads them from the file when the build wrote one.
    /// </summary>
    private ParagraphTable Attached(ParagraphTable table)
    {
        CommitAnalytics.Attach(table, _options.IndexDirectory);
        return table;
    }

#pragma warning disable CA2255 // The build (Indexing, below Search) cannot name what Search writes beside a commit: Search hands it the writer when the assembly loads, before any build can run.
    [ModuleInitializer]
    internal static void RegisterAnalyticsWriter() => IndexBuilder.AfterCommit = options => WriteAnalytics(options);
#pragma warning restore CA2255

    /// <summary>
    /// Writes the analytics file of the newest commit of <paramref name="options"/>' index (what
    /// <see cref="PrepareAnalytics"/> works out, worked out here once: each document's part of the distinct texts,
    /// the suggestion entries, each year's new-terms rankings and search counts) and returns its path and size;
    /// null when it could not be written (then every process works the aggregates out in memory, as for an index
    /// written without it). Any failure is the file's only: the commit stands.
    /// </summary>
    internal static (string Path, long Bytes)? WriteAnalytics(IndexOptions options)
    {
        try
        {
            var opened = Open(options);
            if (!opened.IsSuccess)
            {
                return null;
            }
            using var engine = opened.Value;
            var searcher = engine.Acquire();
            try
            {
                var table = engine.Attached(searcher.Table.Base);
                engine.PrepareAnalytics();
                var digests = CommitDigests.For(table);
                var suggestions = SuggestionIndex.For(table, engine._smartCn);
                return CommitAnalytics.Write(options.IndexDirectory, table,
                [
                    (AnalyticsSection.Digests, CommitAnalytics.Bytes(w => digests.WriteTo(w, table))),
                    (AnalyticsSection.Suggestions, CommitAnalytics.Bytes(suggestions.WriteTo)),
                    (AnalyticsSection.NewTerms, CommitAnalytics.Bytes(w => NewTermsFinder.WriteTo(w, table))),
                ]);
            }
            finally
            {
                Release(searcher);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The file is an optimisation: without it the answers are worked out in memory, the same answers.
            return null;
        }
    }

    /// <summary>
    /// Works out what the answers that read whole texts keep per commit, once: the commit's distinct texts and
    /// each document's part of them (<see cref="CommitDigests"/>), the per-year groups new-terms reads, the
    /// suggestion index, each year's new-terms with its confirmation counts, and compare's text groups. What the
    /// commit's analytics file holds is read from it rather than worked out. A server runs it in the background
    /// when it opens or switches to a commit, so the first suggestion and new-terms a user asks for find them
    /// ready; a caller's view takes its hidden documents' parts away from them. The build runs it once to write
    /// the file (<see cref="WriteAnalytics"/>).
    /// </summary>
    public void PrepareAnalytics()
    {
        // The commit is held until the work is done: it reads the commit's mapped files, which a switch to a newer
        // commit or the engine's close would otherwise release under it.
        var searcher = Acquire();
        try
        {
            var table = Attached(searcher.Table.Base);
            CommitDigests.For(table);
            _suggester.Texts(table);
            // Compare's text groups: a new-terms the analytics file did not answer ahead (another limit, a filter)
            // confirms its candidates with a comparison, whose first pass over a commit builds them.
            TextGroups.For(searcher);
            // Every year's new-terms as the page first asks for it (the default limit), newest first: each keeps
            // its answer and its confirmation counts with the commit.
            foreach (var year in table.Documents.Where(d => d.KnownYear is not null).Select(d => d.Year).Distinct().OrderDescending())
            {
                if (Volatile.Read(ref _disposed))
                {
                    return;
                }
                NewTerms(new NewTermsRequest { Year = year });
            }
        }
        finally
        {
            Release(searcher);
        }
    }

    /// <summary><see cref="PrepareAnalytics"/> on a thread of its own; a failure (the engine closed meanwhile) only leaves the work to the first request.</summary>
    private void PrepareAnalyticsInBackground() => Task.Run(() =>
    {
        try
        {
            PrepareAnalytics();
        }
        catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException or IOException)
        {
            // The commit was closed under it: the next request works it out.
        }
    });

    private Result<CompareResult> CompareCore(IReadOnlyList<string> phrases, CompareRequest filters)
    {
        // The columns, their sizes and every phrase's counts from one commit, held until the last phrase is counted.
        var searcher = Acquire();
        YearColumns columns;
        Dictionary<YearColumn, long> characters;
        Result<List<PhraseColumnCounts>> counted;
        try
        {
            var table = Attached(ViewOf(searcher.Table, filters.Caller).Table);
            columns = YearColumns.Build(table.Documents, filters.MultiYear, filters.Years, filters.Docs);
            characters = [];
            // The build's per-paragraph characters, summed per document once per commit (no text is read).
            var sizes = CommitDigests.For(table).DocumentCharacters;
            foreach (var document in table.Documents)
            {
                if (columns.TryGet(document, out var column))
                {
                    characters[column] = characters.GetValueOrDefault(column) + sizes[document.Ordinal];
                }
            }
            var synonyms = SynonymTable.For(_options.SeedsDirectory);
            counted = new CompareCounter(searcher, table, filters, columns, _smartCn)
                .Count(phrases, (request, first) => (first ? SearchLimits.Check(request) : SearchLimits.CheckQuery(request)) is { } invalid
                    ? invalid
                    : Compile(request, QueryLimits.None, synonyms, rankingWords: false));
        }
        finally
        {
            Release(searcher);
        }
        if (!counted.IsSuccess)
        {
            return Result<CompareResult>.Fail(counted.Problems);
        }

        var rows = new List<CompareRow>(phrases.Count);
        foreach (var (phrase, counts) in phrases.Zip(counted.Value))
        {
            var cells = columns.Columns.Select((column, i) =>
            {
                var size = characters.GetValueOrDefault(column);
                return new CompareCell
                {
                    Year = column.Year,
                    Period = column.Period,
                    Occurrences = counts.Occurrences[i],
                    Paragraphs = counts.Paragraphs[i],
                    Documents = counts.Documents[i],
                    Per10k = size == 0 ? 0 : Math.Round(counts.Occurrences[i] * 10_000.0 / size, 2),
                    Characters = size,
                };
            }).ToList();
            var found = cells.Where(c => c.Occurrences > 0).Select(c => c.Year).ToList();
            rows.Add(new CompareRow
            {
                Phrase = phrase,
                Total = cells.Sum(c => c.Occurrences),
                FirstYear = found.Count > 0 ? found.Min() : null,
                LastYear = found.Count > 0 ? found.Max() : null,
                Cells = cells,
            });
        }
        return new CompareResult
        {
            Phrases = phrases,
            Years = [.. columns.Years],
            Periods = [.. columns.Periods],
            MultiYear = filters.MultiYear,
            MultiYearNote = MultiYearModes.Describe(filters.MultiYear),
            Rows = rows,
            UnknownYearParagraphs = columns.UnknownYearParagraphs,
        };
    }
}
