using System.Diagnostics;
using System.Globalization;
using System.Text;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Analytics;
using XiqingSearch.Core.Search.Engine;
using static XiqingSearch.Benchmarks.Peer.BenchmarkHost;

namespace XiqingSearch.Benchmarks.Scale;

/// <summary>
/// <c>scale-first CORPUS INDEX [--year Y] [--reps R] [--cli XiqingSearch.Cli.dll]</c>: on an index already built
/// (<c>scale-build</c>), in this fresh process: the engine's open, its first suggestion (天开) and first new-terms
/// (year Y, limit 20) after the open, then the warm medians; with <c>--cli</c>, the whole <c>xiqing new-terms</c>
/// process, median of R; then, on a second engine, <c>PrepareAnalytics</c> (what a server runs in the background) and
/// the first answers after it. It checks it did the work: the first, warm and prepared answers are equal and not empty.
/// <c>scale-corpus N TARGET</c> writes an N× corpus: each seed N times, each time with one line of its own
/// (本文件编号为第c号。), so that every file is a document of its own — the build indexes files of equal text once,
/// as copies of one document, so N plain copies would build the 1× index.
/// <c>scale-corpus N TARGET --distinct</c> also marks every sentence-ending paragraph of copy c with a mark of its
/// own (副本 and c spelt in letters no benchmark phrase holds), so that copies share almost no paragraph's text: a
/// corpus of distinct texts for what repeated text makes cheap (a comparison matches each distinct text once).
/// </summary>
internal static class FirstAnswers
{
    public static int Corpus(string[] args)
    {
        var copies = int.Parse(args[0], CultureInfo.InvariantCulture);
        var distinct = args.Contains("--distinct");
        Directory.CreateDirectory(args[1]);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "seeds"), "*.txt").Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            var text = distinct ? Encoding.UTF8.GetString(bytes) : null;
            for (var c = 0; c < copies; c++)
            {
                var own = Encoding.UTF8.GetBytes($"\n\n本文件编号为第{c}号。\n");
                byte[] body = text is null ? bytes : Encoding.UTF8.GetBytes(MarkParagraphs(text, CopyMark(c)));
                File.WriteAllBytes(Path.Combine(args[1], $"{Path.GetFileNameWithoutExtension(file)}~{c}.txt"), [.. body, .. own]);
            }
        }
        Console.WriteLine($"{copies}× corpus{(distinct ? " (paragraphs marked per copy)" : "")} in {args[1]}: {Directory.GetFiles(args[1]).Length} files");
        return 0;
    }

    /// <summary>
    /// Copy <paramref name="copy"/>'s mark: 副本 and the number in base 15 over letters none of the benchmark's
    /// phrases holds (no g, d or p, of GDP), so the phrases' counts are the seeds' times N.
    /// </summary>
    internal static string CopyMark(int copy)
    {
        const string letters = "hjkmnqrstuvwxyz";
        var mark = new StringBuilder();
        do
        {
            mark.Insert(0, letters[copy % letters.Length]);
            copy /= letters.Length;
        }
        while (copy > 0);
        return " 副本" + mark;
    }

    /// <summary>
    /// The text with <paramref name="mark"/> in each line that ends a paragraph, before the punctuation that ends it
    /// (。！？ or a colon, then closing quotes and brackets), so the paragraphs split as before. A line that ends
    /// otherwise gets it at its end when it has a heading's shape (一、…, （二）…: a heading stands alone), and is else
    /// left as it is (a title, a date, a line wrapped mid-sentence): a mark there would join it to the next or cut a
    /// phrase, so those few texts still repeat from copy to copy.
    /// </summary>
    private static string MarkParagraphs(string text, string mark)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            var end = line.Length;
            while (end > 0 && "”’」』）)】》\"'".Contains(line[end - 1], StringComparison.Ordinal))
            {
                end--;
            }
            if (end > 0 && "。！？：:".Contains(line[end - 1], StringComparison.Ordinal))
            {
                lines[i] = line[..(end - 1)] + mark + line[(end - 1)..];
            }
            else if (XiqingSearch.Core.Ingestion.Model.HeadingRecognizer.FormLevel(line.Replace(" ", "", StringComparison.Ordinal)) is not null)
            {
                // A heading stands alone whatever it ends with.
                lines[i] = line + mark;
            }
        }
        return string.Join('\n', lines);
    }

    public static int Run(string[] args)
    {
        var (corpus, index) = (args[0], args[1]);
        var year = IntOption(args, "--year", 2025);
        var reps = IntOption(args, "--reps", 5);
        var cli = OptionValue(args, "--cli");
        var options = new IndexOptions { IndexDirectory = index, SeedsDirectory = corpus, SmartCnJar = null };

        var clock = Stopwatch.StartNew();
        using var engine = SearchEngine.Open(options).ValueOrThrow();
        var open = clock.Elapsed.TotalMilliseconds;
        var paragraphs = engine.Stats().Paragraphs;
        var analyticsFile = Directory.GetFiles(index, "analytics_*.xqa").Select(f => $"{System.IO.Path.GetFileName(f)} ({F(new FileInfo(f).Length / 1e6, 2)} MB)").FirstOrDefault() ?? "none";

        clock.Restart();
        var firstSuggest = engine.Suggest("天开", 8);
        var suggestMs = clock.Elapsed.TotalMilliseconds;
        var request = new NewTermsRequest { Year = year, Limit = 20 };
        clock.Restart();
        var firstTerms = engine.NewTerms(request).ValueOrThrow();
        var termsMs = clock.Elapsed.TotalMilliseconds;

        var warmSuggest = Median(Enumerable.Range(0, reps).Select(_ => Time(() => engine.Suggest("天开西", 8))));
        var warmTerms = Median(Enumerable.Range(0, reps).Select(_ => Time(() => engine.NewTerms(request).ValueOrThrow())));
        var again = engine.NewTerms(request).ValueOrThrow();
        if (firstSuggest.Suggestions.Count == 0 || firstTerms.Appeared.Count == 0
            || !firstTerms.Appeared.Select(t => (t.Term, t.Occurrences)).SequenceEqual(again.Appeared.Select(t => (t.Term, t.Occurrences)))
            || !firstSuggest.Suggestions.SequenceEqual(engine.Suggest("天开", 8).Suggestions))
        {
            Console.Error.WriteLine("the first answers are empty or differ from the warm ones");
            return 1;
        }

        // A second engine on the same commit, as a server has it after a build: the aggregates worked out first
        // (PrepareAnalytics, which a server runs in the background), then the first answers.
        using var prepared = SearchEngine.Open(options).ValueOrThrow();
        clock.Restart();
        prepared.PrepareAnalytics();
        var prepareMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var preparedSuggest = prepared.Suggest("天开", 8);
        var preparedSuggestMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var preparedTerms = prepared.NewTerms(request).ValueOrThrow();
        var preparedTermsMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        // A request PrepareAnalytics did not answer ahead (another limit): the per-group texts are ready, the ranking and confirmations are not.
        var otherYear = prepared.NewTerms(request with { Year = year - 1, Limit = 30 });
        var otherYearMs = clock.Elapsed.TotalMilliseconds;
        if (!preparedSuggest.Suggestions.SequenceEqual(firstSuggest.Suggestions)
            || !preparedTerms.Appeared.Select(t => (t.Term, t.Occurrences)).SequenceEqual(firstTerms.Appeared.Select(t => (t.Term, t.Occurrences))))
        {
            Console.Error.WriteLine("the answers after PrepareAnalytics differ from the first ones");
            return 1;
        }

        Console.WriteLine($"| index | paragraphs | engine open (ms) | first suggest 天开 (ms) | warm suggest (ms) | first new-terms {year} (ms) | warm new-terms (ms) | `xiqing new-terms` process (ms) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        var process = cli is null ? "–" : F(Median(Enumerable.Range(0, reps).Select(_ => CliNewTerms(cli, corpus, index, year))), 0);
        Console.WriteLine($"| {index} | {N(paragraphs)} | {F(open, 0)} | {F(suggestMs, 1)} | {F(warmSuggest, 2)} | {F(termsMs, 1)} | {F(warmTerms, 1)} | {process} |");
        Console.WriteLine($"after PrepareAnalytics ({F(prepareMs, 0)} ms): first suggest 天开 {F(preparedSuggestMs, 2)} ms, first new-terms {year} {F(preparedTermsMs, 2)} ms, "
            + $"first new-terms {year - 1} limit 30 (not answered ahead) {F(otherYearMs, 1)} ms{(otherYear.IsSuccess ? "" : " (a problem)")}");
        Console.WriteLine($"analytics file: {analyticsFile}");
        Console.WriteLine($"new terms of {year}: {string.Join(", ", firstTerms.Appeared.Take(8).Select(t => $"{t.Term} {N(t.Occurrences)}"))}");
        Console.WriteLine($"suggestions for 天开: {string.Join(", ", firstSuggest.Suggestions.Select(s => $"{s.Text} {N(s.Occurrences)}"))}");
        return 0;
    }

    /// <summary>
    /// <c>analytics-file INDEX [--reps R] [--remove]</c>: writes the analytics file of the index's commit as a build
    /// does after its commit (<see cref="SearchEngine.WriteAnalytics"/>), R times, and prints the median time (what
    /// the file adds to a build) and its size beside the index's; with <c>--remove</c>, deletes it instead (so
    /// <c>scale-first</c> measures an index written without it: the in-memory work).
    /// </summary>
    public static int AnalyticsFile(string[] args)
    {
        var index = args[0];
        var options = new IndexOptions { IndexDirectory = index, SeedsDirectory = index, SmartCnJar = null };
        if (args.Contains("--remove"))
        {
            foreach (var old in Directory.GetFiles(index, "analytics_*"))
            {
                System.IO.File.Delete(old);
                Console.WriteLine($"removed {old}");
            }
            return 0;
        }
        if (args.Contains("--read"))
        {
            return ReadSteps(options);
        }
        var reps = IntOption(args, "--reps", 1);
        (string Path, long Bytes)? written = null;
        var times = new List<double>();
        for (var i = 0; i < reps; i++)
        {
            var clock = Stopwatch.StartNew();
            written = SearchEngine.WriteAnalytics(options);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        if (written is not { } file)
        {
            Console.Error.WriteLine("the analytics file could not be written");
            return 1;
        }
        var indexBytes = IndexBuilder.IndexSize(index);
        Console.WriteLine($"analytics file {System.IO.Path.GetFileName(file.Path)}: {F(file.Bytes / 1e6, 2)} MB ({F(100.0 * file.Bytes / indexBytes, 2)}% of the index's {F(indexBytes / 1e6, 1)} MB), "
            + $"written in {F(Median(times), 0)} ms (median of {reps}: {string.Join(", ", times.Select(t => F(t, 0)))})");
        return 0;
    }

    /// <summary>The steps of a fresh process's first use of the file, each timed (wall ms, JIT included): read and check, each section parsed.</summary>
    private static int ReadSteps(IndexOptions options)
    {
        using var folder = Lucene.Net.Store.FSDirectory.Open(options.IndexDirectory);
        var searcher = XiqingSearch.Core.Search.Commit.CommitLoader.Open(folder);
        try
        {
            var table = searcher.Table;
            using var smartCn = new XiqingSearch.Core.Analysis.SmartCn.SmartCnAnalyzer(XiqingSearch.Core.Analysis.SmartCn.SmartCnDictionary.Shared(XiqingSearch.Core.Analysis.SmartCn.SmartCnOptions.For(null)));
            var steps = new List<string>();
            var clock = Stopwatch.StartNew();
            var generation = CommitAnalytics.GenerationOf(table);
            steps.Add($"generation {F(clock.Elapsed.TotalMilliseconds, 1)} ms ({generation})");
            clock.Restart();
            var bytes = System.IO.File.ReadAllBytes(System.IO.Path.Combine(options.IndexDirectory, CommitAnalytics.FileName(generation)));
            steps.Add($"read {F(clock.Elapsed.TotalMilliseconds, 1)} ms");
            clock.Restart();
            CommitAnalytics.Parse(bytes, generation, searcher.IndexReader.MaxDoc, table.AllDocuments.Count);
            steps.Add($"check {F(clock.Elapsed.TotalMilliseconds, 1)} ms");
            clock.Restart();
            XiqingSearch.Core.Analysis.Bigrams.MatchFolding.Normalize("天开");
            steps.Add($"folding {F(clock.Elapsed.TotalMilliseconds, 1)} ms");
            clock.Restart();
            CommitAnalytics.Attach(table, options.IndexDirectory);
            var file = CommitAnalytics.Of(table);
            steps.Add($"read and check {F(clock.Elapsed.TotalMilliseconds, 1)} ms ({(file is null ? "none" : "ok")})");
            clock.Restart();
            var entries = XiqingSearch.Core.Search.Suggestions.SuggestionIndex.FromFile(table, smartCn);
            steps.Add($"suggestion entries {F(clock.Elapsed.TotalMilliseconds, 1)} ms ({N(entries?.Count ?? 0)})");
            clock.Restart();
            var found = entries?.Suggest("天开", 8).Count ?? 0;
            steps.Add($"first lookup {F(clock.Elapsed.TotalMilliseconds, 2)} ms ({found})");
            clock.Restart();
            var digests = CommitDigests.FromFile(table);
            steps.Add($"digests {F(clock.Elapsed.TotalMilliseconds, 1)} ms ({N(digests?.TextCount ?? 0)} texts)");
            clock.Restart();
            CommitDigests.LoadFromDocValues(table);
            steps.Add($"digests from doc values (no file) {F(clock.Elapsed.TotalMilliseconds, 1)} ms");
            Console.WriteLine(string.Join("; ", steps));
            return file is null ? 1 : 0;
        }
        finally
        {
            searcher.IndexReader.DecRef();
        }
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>One <c>xiqing new-terms --year Y</c> process, start to exit, in milliseconds.</summary>
    private static double CliNewTerms(string cli, string corpus, string index, int year)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { cli, "new-terms", "--year", year.ToString(CultureInfo.InvariantCulture), "--index", index, "--seeds", corpus })
        {
            start.ArgumentList.Add(arg);
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"xiqing new-terms exited {process.ExitCode}: {errors.Result}");
        }
        _ = output.Result;
        return elapsed;
    }

    private static string? OptionValue(string[] args, string flag)
    {
        var at = Array.IndexOf(args, flag);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
