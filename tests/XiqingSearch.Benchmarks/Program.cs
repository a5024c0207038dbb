using XiqingSearch.Benchmarks.Analysis;

// Benchmark dispatcher: `dotnet run -c Release --project tests/XiqingSearch.Benchmarks -- VERB [ARGS]`.
// Add a verb by adding a line to the table below.
var verbs = new Dictionary<string, (string Help, Func<string[], int> Run)>(StringComparer.Ordinal)
{
    ["analyzer"] = ("SmartCn analyzer throughput and dictionary load time, C# vs the Java peer", AnalyzerBenchmark.Run),
    ["analyzer-load-once"] = ("(internal) load the SmartCn dictionary once and print ms; used by `analyzer`", AnalyzerBenchmark.LoadOnce),
    ["tokens"] = ("tokens FILE: print the SmartCn token table of FILE (the peer's `run.sh tokens` format)", AnalyzerBenchmark.PrintTokens),
    ["indexing"] = ("indexing MB/s and index size on the seeds 1× and 100×, C# vs the Java peer [--reps R] [--copies N]", XiqingSearch.Benchmarks.Indexing.IndexingBenchmark.Run),
    ["ingest"] = ("ingestion documents/s and MB/s per format of tests/Fixtures/RealDocuments; PDF pages/s vs pdftotext [--reps R]", XiqingSearch.Benchmarks.Ingestion.IngestBenchmark.Run),
    ["pdf"] = ("PDF extraction pages/s and MB/s on the document fixtures, C# vs poppler's pdftotext [--reps R] (also run by `indexing`)", XiqingSearch.Benchmarks.Indexing.PdfExtractionBenchmark.Run),
    ["analytics"] = ("compare of 50 phrases and new-terms for 2025 on the seeds 1× and 100× [--reps R] [--copies N]", XiqingSearch.Benchmarks.Analytics.AnalyticsBenchmark.Run),
    ["compare-engine"] = ("(internal) compare-engine INDEX [--reps R]: compare of the 50 phrases beside one common search, wall and CPU ms, on an existing index", XiqingSearch.Benchmarks.Analytics.AnalyticsBenchmark.EngineOnce),
    ["hit-cost"] = ("(internal) hit-cost INDEX [--reps R]: CPU µs per shown hit (page of 10 vs 1) and per step of making a hit, on an existing index", XiqingSearch.Benchmarks.Search.HitCostBenchmark.Run),
    ["years"] = ("(internal) years INDEX: doc<TAB>year per document, the peer's --years file", XiqingSearch.Benchmarks.Search.HitCostBenchmark.Years),
    ["scale"] = ("the archive at 1× and N× (--copies 100,1000): build, engine and server latency, first search, RSS, C# vs the Java peer's d:full", XiqingSearch.Benchmarks.Scale.ScaleBenchmark.Run),
    ["scale-corpus"] = ("scale-corpus N TARGET [--distinct]: each seed N times, each with a line of its own (so no file is a copy of another); --distinct also marks every paragraph per copy (no two copies share a text)", XiqingSearch.Benchmarks.Scale.FirstAnswers.Corpus),
    ["scale-first"] = ("scale-first CORPUS INDEX [--year Y] [--reps R] [--cli XiqingSearch.Cli.dll]: engine open, first suggestion and first new-terms after the open, and the new-terms process, on an index already built", XiqingSearch.Benchmarks.Scale.FirstAnswers.Run),
    ["analytics-file"] = ("(internal) analytics-file INDEX [--reps R] [--remove]: write the commit's analytics file as a build does (time, size), or remove it", XiqingSearch.Benchmarks.Scale.FirstAnswers.AnalyticsFile),
    ["scale-build"] = ("(internal) scale-build CORPUS INDEX: one build, prints its figures and peak RSS; used by `scale`", XiqingSearch.Benchmarks.Scale.ScaleBenchmark.BuildOnce),
    ["scale-engine"] = ("(internal) scale-engine INDEX [--warmup W] [--iters I]: the engine rounds of `scale` on an existing index", XiqingSearch.Benchmarks.Scale.ScaleBenchmark.EngineOnce),
    ["scale-server"] = ("(internal) scale-server SERVER_DLL INDEX SEEDS [--runs R] [--load-seconds S] [--log] [--settle]: the server columns of `scale` (ready, RSS) on an existing index, R times", XiqingSearch.Benchmarks.Scale.ScaleBenchmark.ServerOnce),
    ["scale-open"] = ("(internal) scale-open INDEX SEEDS [--runs R]: the steps of opening an index, by thread CPU time and wall clock", XiqingSearch.Benchmarks.Scale.ScaleBenchmark.OpenOnce),
    ["search"] = ("search latency (parse + search + highlight + facets), mean and p99, C# vs the Java peer's phrase query", XiqingSearch.Benchmarks.Search.SearchBenchmark.Run),
};

if (args.Length == 0 || !verbs.TryGetValue(args[0], out var verb))
{
    Console.Error.WriteLine("usage: XiqingSearch.Benchmarks VERB [ARGS]");
    foreach (var (name, (help, _)) in verbs)
    {
        Console.Error.WriteLine($"  {name,-10} {help}");
    }
    return args.Length == 0 ? 0 : 2;
}
return verb.Run(args[1..]);
