using System.Diagnostics;
using Lucene.Net.Store;
using XiqingSearch.Core.Analysis.Bigrams;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Commit;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Highlighting;
using XiqingSearch.Core.Search.Model;
using static XiqingSearch.Benchmarks.Peer.BenchmarkHost;

namespace XiqingSearch.Benchmarks.Search;

/// <summary>
/// (internal) <c>hit-cost INDEX [--reps R]</c>: what a shown hit costs, on an index already built. A search of a
/// page of 10 against one of 1 gives the cost of 9 shown hits; then each step of making a hit (reading its stored
/// fields, folding its text, finding the occurrences, cutting the snippet) is timed alone over the same hits, in
/// the thread's CPU time (the shared machine's other processes are in the wall time, not the CPU time).
/// </summary>
internal static class HitCostBenchmark
{
    private static readonly string[] s_phrases = ["发展", "天津", "西青区", "天开西青园"];

    public static int Run(string[] args)
    {
        var reps = IntOption(args, "--reps", 200);
        var options = new IndexOptions { IndexDirectory = args[0], SeedsDirectory = args[0], SmartCnJar = null };
        using var engine = SearchEngine.Open(options).ValueOrThrow();
        foreach (var phrase in s_phrases)
        {
            var ten = new SearchRequest { Query = "\"" + phrase + "\"", Limit = 10 };
            var one = ten with { Limit = 1 };
            for (var i = 0; i < 20; i++)
            {
                engine.Search(ten).ValueOrThrow();
                engine.Search(one).ValueOrThrow();
            }
            var tenCpu = new List<double>();
            var oneCpu = new List<double>();
            for (var i = 0; i < reps; i++)
            {
                tenCpu.Add(Cpu(() => engine.Search(ten).ValueOrThrow()));
                oneCpu.Add(Cpu(() => engine.Search(one).ValueOrThrow()));
            }
            var perHit = (Median(tenCpu) - Median(oneCpu)) / 9 * 1000;
            Console.WriteLine($"{phrase}: page of 10 {F(Median(tenCpu), 3)} ms, page of 1 {F(Median(oneCpu), 3)} ms cpu: {F(perHit, 1)} µs per shown hit");
        }

        // The steps alone, over the first 10 hits of 发展.
        using var directory = FSDirectory.Open(args[0]);
        var searcher = CommitLoader.Open(directory);
        try
        {
            var hits = engine.Search(new SearchRequest { Query = "\"发展\"", Limit = 10 }).ValueOrThrow().Hits;
            var rows = hits.Select(h => searcher.Table.Find(h.Doc, h.Paragraph)!).ToList();
            var phrases = new[] { "发展" };
            var texts = rows.Select(r => r.Load().Text).ToList();
            var folded = texts.Select(t => new FoldedText(t)).ToList();
            var spans = folded.Select(f => OccurrenceFinder.Find(f, phrases)).ToList();
            var steps = new (string Name, Action Step)[]
            {
                ("stored fields (ParagraphRow.Load)", () => rows.ForEach(r => r.Load())),
                ("of which the block decoded, no field read", () => rows.ForEach(r => r.Reader.Document(r.DocId, s_noField))),
                ("fold text (FoldedText)", () => texts.ForEach(t => _ = new FoldedText(t))),
                ("find occurrences (OccurrenceFinder)", () => folded.ForEach(f => OccurrenceFinder.Find(f, phrases))),
                ("snippet (SnippetBuilder)", () =>
                {
                    for (var i = 0; i < texts.Count; i++)
                    {
                        SnippetBuilder.Build(texts[i], spans[i]);
                    }
                }),
            };
            foreach (var (name, step) in steps)
            {
                for (var i = 0; i < 50; i++)
                {
                    step();
                }
                var times = new List<double>();
                for (var i = 0; i < reps; i++)
                {
                    times.Add(Cpu(step));
                }
                Console.WriteLine($"{name}: {F(Median(times) * 1000 / rows.Count, 2)} µs per hit (cpu)");
            }
        }
        finally
        {
            searcher.IndexReader.DecRef();
        }
        return 0;
    }

    /// <summary>(internal) <c>years INDEX</c>: each document's year as the peer's <c>--years</c> file wants it (<c>doc TAB year</c>).</summary>
    public static int Years(string[] args)
    {
        var options = new IndexOptions { IndexDirectory = args[0], SeedsDirectory = args[0], SmartCnJar = null };
        using var engine = SearchEngine.Open(options).ValueOrThrow();
        foreach (var d in engine.Documents())
        {
            Console.WriteLine($"{d.Doc}\t{d.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}");
        }
        return 0;
    }

    /// <summary>Reads no field: what is left is finding and decompressing the paragraph's block.</summary>
    private static readonly NoFieldVisitor s_noField = new();

    private sealed class NoFieldVisitor : Lucene.Net.Index.StoredFieldVisitor
    {
        public override Status NeedsField(Lucene.Net.Index.FieldInfo fieldInfo) => Status.STOP;
    }

    private static double Cpu(Action action)
    {
        var start = Scale.ScaleBenchmark.ThreadCpuMilliseconds();
        action();
        return Scale.ScaleBenchmark.ThreadCpuMilliseconds() - start;
    }
}
