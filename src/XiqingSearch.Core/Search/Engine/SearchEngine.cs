using System.Diagnostics;
using Lucene.Net.Store;
using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Analysis.SmartCn;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Ingestion;
using XiqingSearch.Core.Search.Commit;
using XiqingSearch.Core.Search.Facets;
using XiqingSearch.Core.Search.Highlighting;
using XiqingSearch.Core.Search.Hints;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Search.Query;

namespace XiqingSearch.Core.Search.Engine;

/// <summary>
/// The query service over one index folder: search, paragraph lookup, documents, facets, stats.
/// Thread-safe; <see cref="Refresh"/> switches to the newest commit while searches in flight finish on the one
/// they started with (each search holds its searcher until it is done).
/// </summary>
public sealed partial class SearchEngine : IDisposable
{
    private readonly IndexOptions _options;
    private readonly FSDirectory _directory;
    private readonly SmartCnAnalyzer _smartCn;
    private readonly System.Threading.Lock _refreshLock = new();
    private readonly Access.AccessRulesFile _accessFile;
    private TableSearcher _current;
    private bool _disposed;
    private readonly Analytics.NewTermsFinder _newTerms;
    private readonly Suggestions.Suggester _suggester;
    private readonly Hints.SearchHinter _hinter;

    private SearchEngine(IndexOptions options, FSDirectory directory, TableSearcher current, SmartCnAnalyzer smartCn,
        IReadOnlyList<Problem> warnings)
    {
        _options = options;
        _directory = directory;
        _current = current;
        _smartCn = smartCn;
        _newTerms = new Analytics.NewTermsFinder(smartCn);
        _suggester = new Suggestions.Suggester(smartCn);
        _hinter = new Hints.SearchHinter(_suggester);
        _accessFile = new Access.AccessRulesFile(options.SeedsDirectory);
        Warnings = warnings;
    }

    /// <summary>
    /// True to score every hit in full, as before <see cref="RankingWordsBound"/>: for the tests that hold the pages
    /// of both ways equal.
    /// </summary>
    internal bool ScoreEveryMatch { get; set; }

    /// <summary>
    /// The fewest paragraphs a phrase must be in for its matches to be bounded (<see cref="RankingWordsBound.WorthwhileMatches"/>;
    /// the tests lower it to bound every phrase).
    /// </summary>
    internal int BoundFromMatches { get; set; } = RankingWordsBound.WorthwhileMatches;

    /// <summary>Problems that did not stop the engine (a rebuild refused while an older index still serves).</summary>
    public IReadOnlyList<Problem> Warnings { get; }

    /// <summary>Opens the index; <c>index.missing</c> or <c>index.incompatible</c> when it cannot.</summary>
    public static Result<SearchEngine> Open(IndexOptions options) => Open(options, []);

    /// <summary>Opens the index; <paramref name="warnings"/> say why it may be out of date (a refused rebuild).</summary>
    internal static Result<SearchEngine> Open(IndexOptions options, IReadOnlyList<Problem> warnings)
    {
        var manifest = IndexBuilder.ReadManifest(options.IndexDirectory, out var hasCommit);
        if (!hasCommit)
        {
            return SearchMessages.IndexMissing(options.IndexDirectory, options.SeedsDirectory) with { Source = options.IndexDirectory };
        }
        if (manifest is null || manifest.Schema != IndexManifest.CurrentSchema)
        {
            return SearchMessages.IndexIncompatible(options.IndexDirectory, manifest?.Schema ?? "unknown", IndexManifest.CurrentSchema)
                with
            { Source = options.IndexDirectory };
        }
        var directory = FSDirectory.Open(options.IndexDirectory);
        try
        {
            return new SearchEngine(options, directory, CommitLoader.Open(directory),
                new SmartCnAnalyzer(IndexAnalyzers.SmartCnOptions(options)), warnings);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Runs one search, without cost limits.</summary>
    public Result<SearchResponse> Search(SearchRequest request) => Search(request, QueryLimits.None);

    /// <summary>
    /// Runs one search within <paramref name="limits"/>: too many clauses is <c>query.too-many-clauses</c>, running
    /// past the time budget is <c>search.timeout</c>; <paramref name="cancellationToken"/> stops it too.
    /// </summary>
    public Result<SearchResponse> Search(SearchRequest request, QueryLimits limits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(limits);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (limits.Timeout != Timeout.InfiniteTimeSpan)
        {
            budget.CancelAfter(limits.Timeout);
        }
        try
        {
            return SearchWithin(request, limits, budget.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return SearchMessages.Timeout(request.Query, limits.Timeout);
        }
    }

    private Result<SearchResponse> SearchWithin(SearchRequest request, QueryLimits limits, CancellationToken budget)
    {
        var clock = Stopwatch.StartNew();
        var compiled = CompileChecked(request, limits);
        if (!compiled.IsSuccess)
        {
            return Result<SearchResponse>.Fail(compiled.Problems);
        }
        var searcher = Acquire();
        try
        {
            var run = Collect(searcher, request, compiled.Value, limits, clock, budget);
            var limit = request.All ? run.TotalHits : request.Limit;
            var page = new List<SearchHit>(Math.Min(limit, Math.Max(0, run.Kept.Count - request.Offset)));
            for (var i = request.Offset; i < run.Kept.Count && page.Count < limit; i++)
            {
                page.Add(ToHit(run.Kept[i], run.Table, run.Phrases, run.Approximate));
            }
            return run.Response(page, limit, clock);
        }
        finally
        {
            Release(searcher);
        }
    }

    /// <summary>
    /// Every hit of <paramref name="request"/> (offset and limit ignored), for an export: the query runs once, within
    /// <paramref name="limits"/>, on one commit that the export holds until it is disposed; its
    /// <see cref="SearchExport.Summary"/> has the totals, and <see cref="SearchExport.Batches"/> makes the hits a few at
    /// a time, in the request's order, so an export's memory is its sort keys and one batch, never every hit's text.
    /// </summary>
    public Result<SearchExport> Export(SearchRequest request, QueryLimits limits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        request = request with { All = true, Offset = 0 };
        var clock = Stopwatch.StartNew();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (limits.Timeout != Timeout.InfiniteTimeSpan)
        {
            budget.CancelAfter(limits.Timeout);
        }
        var compiled = CompileChecked(request, limits);
        if (!compiled.IsSuccess)
        {
            return Result<SearchExport>.Fail(compiled.Problems);
        }
        var searcher = Acquire();
        try
        {
            var run = Collect(searcher, request, compiled.Value, limits, clock, budget.Token);
            // The export owns the searcher's reference from here on.
            return new SearchExport(run.Response([], run.TotalHits, clock), run.Kept,
                match => ToHit(match, run.Table, run.Phrases, run.Approximate), () => Release(searcher));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Release(searcher);
            return SearchMessages.Timeout(request.Query, limits.Timeout);
        }
        catch
        {
            Release(searcher);
            throw;
        }
    }

    /// <summary>
    /// The request checked and its query compiled, or the problem that stops it; without the phrases' SmartCn
    /// ranking words when <paramref name="rankingWords"/> is false (no score is read).
    /// </summary>
    private Result<CompiledQuery> CompileChecked(SearchRequest request, QueryLimits limits, bool rankingWords = true) =>
        SearchLimits.Check(request) is { } invalid ? invalid : Compile(request, limits, SynonymTable.For(_options.SeedsDirectory), rankingWords);

    /// <summary>
    /// The query of a request already checked compiled, with the synonyms looked up by the caller: a comparison
    /// checks its request's bounds and looks the synonyms up (a file's status) once for all its phrases.
    /// </summary>
    private Result<CompiledQuery> Compile(SearchRequest request, QueryLimits limits, SynonymTable? synonyms, bool rankingWords)
    {
        Result<CompiledQuery> compiled;
        try
        {
            compiled = QueryCompiler.Compile(request.Query, _smartCn, synonyms, rankingWords);
        }
        catch (XiqingException e)
        {
            return e.Problem;
        }
        if (!compiled.IsSuccess)
        {
            return compiled;
        }
        if (compiled.Value.Clauses > limits.MaxClauses)
        {
            return SearchMessages.TooManyClauses(request.Query, compiled.Value.Clauses, limits.MaxClauses);
        }
        return compiled;
    }

    /// <summary>Runs the query on <paramref name="searcher"/>: counts, facets, and the hits up to the end of the page, in order.</summary>
    private Collected Collect(TableSearcher searcher, SearchRequest request, CompiledQuery query, QueryLimits limits,
        Stopwatch clock, CancellationToken budget)
    {
        budget.ThrowIfCancellationRequested();
        var phrases = query.Highlight.Select(p => p.Normalized).ToList();
        // The caller's view of the commit: rows of documents they may not see are in no count, facet or hint.
        var table = ViewOf(searcher.Table, request.Caller).Table;
        var filter = new FacetFilter(request, table);
        using var facets = new FacetCounter(table, filter);
        // Only the hits up to the end of the page are kept, in order.
        var limit = request.All ? int.MaxValue : request.Limit;
        var top = new TopHits((int)Math.Min(int.MaxValue, (long)request.Offset + limit), Comparer(request.Sort),
            scoreFirst: request.Sort == SearchSort.Relevance);
        // Recognised text may hold a phrase misread by an edit or two: those paragraphs are found first, and the
        // phrase clauses widened to them (never on an index without OCR rows, nor with --exact).
        var approximate = request.Exact ? null : ApproximateMatches.Find(searcher, phrases, budget);
        var lucene = approximate is { IsEmpty: false }
            ? ApproximateClauses.Apply(query.Lucene, query.PhraseClauses, approximate.DocsByPhrase)
            : query.Lucene;
        var occurrences = new MatchOccurrences(table, MatchOccurrences.CounterFor(searcher, phrases), phrases,
            approximate is { IsEmpty: false } ? approximate : null);
        var searched = HeadingFilter.Apply(lucene, request.Headings, _smartCn);
        var collector = new AllMatchesCollector(table, occurrences, filter, facets, top,
            ScoreEveryMatch ? null : RankingWordsBound.For(searched, searcher, BoundFromMatches), budget);
        searcher.Search(searched, collector);
        collector.Finish();
        // The budget's timer may not have fired yet for a query that overran it by less than a timer tick.
        if (limits.Timeout != System.Threading.Timeout.InfiniteTimeSpan && clock.Elapsed > limits.Timeout)
        {
            throw new OperationCanceledException(budget);
        }
        var (shownFacets, omitted) = FacetCap.Apply(facets.Result(), request.FacetSize);
        return new Collected(request, query, table, phrases, approximate, top.Sorted(),
            collector.TotalHits, collector.TotalOccurrences, collector.ApproximateHits, collector.ApproximateOccurrences,
            shownFacets, omitted, collector.TotalHits == 0 || HintBuilder.HasNotes(request.Query)
                ? Hint(request, query, table, collector.TotalHits) : null);
    }

    /// <summary>What one run of a query found, before any hit's text is read.</summary>
    private sealed record Collected(SearchRequest Request, CompiledQuery Query, ParagraphTable Table, List<string> Phrases, ApproximateMatches? Approximate,
        List<MatchedRow> Kept, int TotalHits, int TotalOccurrences, int ApproximateHits, int ApproximateOccurrences,
        SearchFacets Facets, IReadOnlyDictionary<string, FacetOmission>? FacetsOmitted, SearchHints? Hints)
    {
        public SearchResponse Response(IReadOnlyList<SearchHit> page, int limit, Stopwatch clock) => new()
        {
            Query = Request.Query,
            Parsed = Query.Parsed,
            TotalHits = TotalHits,
            TotalOccurrences = TotalOccurrences,
            ApproximateHits = ApproximateHits,
            ApproximateOccurrences = ApproximateOccurrences,
            Offset = Request.Offset,
            Limit = limit,
            Hits = page,
            Facets = Facets,
            FacetsOmitted = FacetsOmitted,
            Expansions = Query.Expansions,
            Hints = Hints,
            TookMs = Math.Round(clock.Elapsed.TotalMilliseconds, 3),
        };
    }

    /// <summary>The indexed documents, in document order, then the documents skipped as unreadable.</summary>
    public IReadOnlyList<DocumentSummary> Documents(Access.Caller? caller = null)
    {
        var searcher = Acquire();
        try
        {
            var commit = ((Lucene.Net.Index.DirectoryReader)searcher.IndexReader).IndexCommit;
            var manifest = IndexManifest.FromCommitData(commit.UserData);
            return [.. Summaries(ViewOf(searcher.Table, caller).Table), .. SkippedSummaries(VisibleSkipped(manifest?.Skipped ?? [], caller))];
        }
        finally
        {
            Release(searcher);
        }
    }

    /// <summary>A paragraph and up to <paramref name="context"/> neighbours each side; <c>request.not-found</c> when absent.</summary>
    public Result<ParagraphContext> GetParagraph(string doc, int paragraph, int context, Access.Caller? caller = null)
    {
        if (SearchLimits.CheckContext(context) is { } badContext)
        {
            return badContext;
        }
        return WithTable<Result<ParagraphContext>>(caller, table =>
        {
            var row = table.Find(doc, paragraph);
            if (row is null)
            {
                var known = table.Documents.Any(d => d.Doc == doc);
                var last = known ? table.Rows.Where(r => r.Document.Doc == doc).Max(r => r.Paragraph) : 0;
                return known ? SearchMessages.NoSuchParagraph(doc, paragraph, last) : SearchMessages.NoSuchDocument(doc);
            }
            var before = Enumerable.Range(paragraph - context, context).Select(n => table.Find(doc, n))
                .OfType<ParagraphRow>().Select(r => r.ToView()).ToList();
            var after = Enumerable.Range(paragraph + 1, context).Select(n => table.Find(doc, n))
                .OfType<ParagraphRow>().Select(r => r.ToView()).ToList();
            return new ParagraphContext
            {
                Doc = doc,
                Title = row.Document.Title,
                Year = row.Document.KnownYear,
                Number = row.Document.Number,
                Issuer = row.Document.Issuer,
                WrittenDate = row.Document.WrittenDate,
                PublishedDate = row.Document.PublishedDate,
                SourceUrl = row.Document.SourceUrl,
                YearSource = row.Document.YearSource,
                File = row.Document.File,
                Paragraph = row.ToView(),
                Before = before,
                After = after,
            };
        });
    }

    /// <summary>
    /// A whole document with every occurrence of <paramref name="query"/> (none when it is null or blank);
    /// <c>request.not-found</c> for an unknown document, the query's problem for a malformed query.
    /// </summary>
    public Result<DocumentView> GetDocument(string doc, string? query, Access.Caller? caller = null)
    {
        var paragraphs = WithTable(caller, table => table.Rows.Where(r => r.Document.Doc == doc).OrderBy(r => r.Paragraph)
            .Select(r => (Info: r.Document, View: r.ToView())).ToList());
        if (paragraphs.Count == 0)
        {
            return SearchMessages.NoSuchDocument(doc);
        }
        var highlights = new Dictionary<int, IReadOnlyList<TextSpan>>();
        if (!string.IsNullOrWhiteSpace(query))
        {
            var found = Search(new SearchRequest { Query = query, Docs = [doc], All = true, Sort = SearchSort.Document, Caller = caller ?? Access.Caller.Operator });
            if (!found.IsSuccess)
            {
                return Result<DocumentView>.Fail(found.Problems);
            }
            foreach (var hit in found.Value.Hits)
            {
                highlights[hit.Paragraph] = hit.Highlights;
            }
        }
        var info = paragraphs[0].Info;
        return new DocumentView
        {
            Doc = doc,
            Title = info.Title,
            Year = info.KnownYear,
            Period = info.Period,
            Type = info.Type,
            File = info.File,
            Number = info.Number,
            Issuer = info.Issuer,
            WrittenDate = info.WrittenDate,
            PublishedDate = info.PublishedDate,
            SourceUrl = info.SourceUrl,
            YearSource = info.YearSource,
            Copies = info.Copies,
            Warnings = info.Warnings,
            Query = string.IsNullOrWhiteSpace(query) ? null : query,
            TotalOccurrences = highlights.Values.Sum(h => h.Count),
            HitParagraphs = [.. highlights.Keys.Order()],
            Paragraphs = [.. paragraphs.Select(p => new DocumentParagraph
            {
                Paragraph = p.View.Paragraph,
                Kind = p.View.Kind,
                Chapter = p.View.Chapter,
                Topic = p.View.Topic,
                Text = p.View.Text,
                FirstLine = p.View.FirstLine,
                LastLine = p.View.LastLine,
                Highlights = highlights.GetValueOrDefault(p.View.Paragraph) ?? [],
                Ocr = p.View.Ocr,
                OcrConfidence = p.View.OcrConfidence,
            })],
        };
    }

    /// <summary>
    /// The source file of <paramref name="doc"/> in the seeds folder, or the copy named <paramref name="file"/>
    /// (a file name among the document's <see cref="DocumentDescription.Copies"/>); <c>request.not-found</c> for an
    /// unknown document, a name that is not one of its files, or a file no longer there. Only names the index holds
    /// are ever opened, never a path from the caller.
    /// </summary>
    public Result<OriginalFile> OriginalFile(string doc, string? file, Access.Caller? caller = null)
    {
        var info = WithTable(caller, table => table.Documents.FirstOrDefault(d => d.Doc == doc));
        if (info is null)
        {
            return SearchMessages.NoSuchDocument(doc);
        }
        var name = file is null ? info.File : info.Copies.Concat([info.File]).FirstOrDefault(c => c == file);
        if (name is null)
        {
            return SearchMessages.NoSuchOriginal(doc, file!);
        }
        var seeds = Path.GetFullPath(_options.SeedsDirectory);
        var path = Path.GetFullPath(Path.Combine(seeds, name));
        // The index's own names stay inside the seeds folder; checked all the same, as a file name is data.
        if (!path.StartsWith(Path.TrimEndingDirectorySeparator(seeds) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
        {
            return SearchMessages.NoSuchOriginal(doc, name);
        }
        return new OriginalFile(name, path);
    }

    /// <summary>True when <paramref name="doc"/> is a document of the current commit.</summary>
    public bool HasDocument(string doc, Access.Caller? caller = null) => WithTable(caller, table => table.Documents.Any(d => d.Doc == doc));

    /// <summary>Facet counts over the whole corpus (occurrences = 0).</summary>
    public SearchFacets CorpusFacets(Access.Caller? caller = null) => WithTable(caller, AllFacets);

    /// <summary>Index statistics.</summary>
    public IndexStats Stats(Access.Caller? caller = null)
    {
        var searcher = Acquire();
        try
        {
            // Everything from the commit being searched, so counts, size and build time describe one commit.
            var table = ViewOf(searcher.Table, caller).Table;
            var facets = AllFacets(table);
            var commit = ((Lucene.Net.Index.DirectoryReader)searcher.IndexReader).IndexCommit;
            var manifest = IndexManifest.FromCommitData(commit.UserData);
            return new IndexStats
            {
                IndexDirectory = Path.GetFullPath(_options.IndexDirectory),
                Paragraphs = table.Count,
                SizeBytes = commit.FileNames.Sum(commit.Directory.FileLength),
                BuiltAt = manifest?.BuiltAt ?? default,
                Documents = Summaries(table),
                Skipped = VisibleSkipped(manifest?.Skipped ?? [], caller),
                Years = facets.Year,
                Topics = facets.Topic,
            };
        }
        finally
        {
            Release(searcher);
        }
    }

    /// <summary>
    /// Switches to the newest commit if there is one; true when it switched. Searches already running finish on
    /// the commit they started with; the old commit is closed when the last of them is done.
    /// </summary>
    public bool Refresh()
    {
        lock (_refreshLock)
        {
            var current = _current;
            if (CommitLoader.LatestGeneration(_directory) == current.Generation)
            {
                return false;
            }
            var next = CommitLoader.Open(_directory);
            if (next.Generation == current.Generation)
            {
                next.IndexReader.DecRef();
                return false;
            }
            Volatile.Write(ref _current, next);
            current.IndexReader.DecRef();
            PrepareAnalyticsInBackground();
            return true;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_refreshLock)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _current.IndexReader.DecRef();
        }
        _smartCn.Dispose();
        _directory.Dispose();
    }

    /// <summary>The current commit's searcher, with a reference held until <see cref="Release"/>.</summary>
    private TableSearcher Acquire()
    {
        while (true)
        {
            // Without this, a search after Dispose would wait forever for a commit that is not closed.
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed), this);
            var searcher = Volatile.Read(ref _current);
            // Fails only when a refresh closed this commit in between: then the next read sees the new one.
            if (searcher.IndexReader.TryIncRef())
            {
                return searcher;
            }
        }
    }

    private static void Release(TableSearcher searcher) => searcher.IndexReader.DecRef();

    private T WithTable<T>(Func<ParagraphTable, T> action)
    {
        var searcher = Acquire();
        try
        {
            return action(searcher.Table);
        }
        finally
        {
            Release(searcher);
        }
    }

    private static SearchFacets AllFacets(ParagraphTable table)
    {
        using var facets = new FacetCounter(table, new FacetFilter(new SearchRequest { Query = "*" }, table));
        foreach (var row in table.Rows)
        {
            facets.Add(in table.KeysOf(row.DocId), 0, FacetMask.None);
        }
        return facets.Result();
    }

    private static List<DocumentSummary> Summaries(ParagraphTable table)
    {
        return [.. table.Documents.Select(d => new DocumentSummary
        {
            Doc = d.Doc,
            Title = d.Title,
            Year = d.KnownYear,
            Period = d.Period,
            Type = d.Type,
            File = d.File,
            Number = d.Number,
            Issuer = d.Issuer,
            WrittenDate = d.WrittenDate,
            PublishedDate = d.PublishedDate,
            SourceUrl = d.SourceUrl,
            YearSource = d.YearSource,
            Copies = d.Copies,
            Warnings = d.Warnings,
            Paragraphs = d.Paragraphs,
            // In the order of the kinds' names, whatever order the rows come in (a caller's view of the table keeps
            // another), so equal documents list equal JSON.
            Kinds = table.KindCounts(d.Ordinal),
        })];
    }

    private static IEnumerable<DocumentSummary> SkippedSummaries(IReadOnlyList<SkippedDocument> skipped) =>
        skipped.Select(s => new DocumentSummary
        {
            Doc = Path.GetFileNameWithoutExtension(s.File),
            Title = s.File,
            Type = "other",
            File = s.File,
            Kinds = new Dictionary<string, int>(),
            Skipped = s,
        });

    private static Comparison<MatchedRow> Comparer(SearchSort sort) => sort switch
    {
        SearchSort.Relevance => (a, b) =>
        {
            // Exact hits first: a hit matched only approximately (recognised text) ranks below every exact one.
            if (a.Approximate != b.Approximate)
            {
                return a.Approximate ? 1 : -1;
            }
            var c = b.Score.CompareTo(a.Score);
            return c != 0 ? c : ByYearThenReadingOrder(a, b);
        }
        ,
        SearchSort.Year => ByYearThenReadingOrder,
        // Oldest first puts the unknown year (0) last too: it is no year, not the oldest, and a reader going
        // forward in time wants the dated documents before the undated ones, as newest-first gives them.
        SearchSort.Oldest => (a, b) => a.Year != b.Year ? OldestKey(a.Year).CompareTo(OldestKey(b.Year)) : ByReadingOrder(a, b),
        _ => ByReadingOrder,
    };

    private static int OldestKey(int year) => year == 0 ? int.MaxValue : year;

    /// <summary>Newest first; the unknown year (0) sorts below every year, so last.</summary>
    private static int ByYearThenReadingOrder(MatchedRow a, MatchedRow b)
    {
        var c = b.Year.CompareTo(a.Year);
        return c != 0 ? c : ByReadingOrder(a, b);
    }

    private static int ByReadingOrder(MatchedRow a, MatchedRow b)
    {
        var c = a.Document.CompareTo(b.Document);
        return c != 0 ? c : a.Paragraph.CompareTo(b.Paragraph);
    }

    /// <summary>A hit of the page, with the spans of its occurrences found in its stored text.</summary>
    private static SearchHit ToHit(MatchedRow match, ParagraphTable table, IReadOnlyList<string> phrases, ApproximateMatches? approximate)
    {
        var row = table[match.DocId]!;
        var stored = row.Load();
        var spans = phrases.Count == 0 ? [] : OccurrenceFinder.Find(new FoldedText(stored.Text), phrases);
        if (approximate?.SpansOf(row.DocId) is { Count: > 0 } near)
        {
            // Approximate spans never overlap exact ones (they are found outside them).
            spans = [.. spans.Concat(near).OrderBy(s => s.Start)];
        }
        var snippet = SnippetBuilder.Build(stored.Text, spans);
        // The paragraph's own fields as every answer shows them (ParagraphRow.ToView), then the hit's.
        return new SearchHit(row.ToView(stored))
        {
            Title = row.Document.Title,
            Year = row.Document.KnownYear,
            Number = row.Document.Number,
            Issuer = row.Document.Issuer,
            WrittenDate = row.Document.WrittenDate,
            PublishedDate = row.Document.PublishedDate,
            SourceUrl = row.Document.SourceUrl,
            YearSource = row.Document.YearSource,
            Score = match.Score,
            Highlights = spans,
            Snippet = snippet.Text,
            SnippetHighlights = snippet.Highlights,
        };
    }
}
