using XiqingSearch.Core.Access;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;
using XiqingSearch.Core.Tests.Indexing;
using XiqingSearch.Core.Tests.Ingestion.Formats;

namespace XiqingSearch.Core.Tests.Search.Engine;

/// <summary>
/// The counts a readiness probe reports (<see cref="SearchEngine.CountDocuments"/>) and the warnings a server logs
/// at start (<see cref="SearchEngine.DocumentWarnings"/>), made without a summary per document, against the
/// document list they stand for: on an index with a skipped document, from several threads at once on a commit
/// nobody has asked yet (its manifest is read when first asked for).
/// </summary>
public sealed class DocumentCountsTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public DocumentCountsTests()
    {
        File.Copy(DocumentFixtures.Bad("bad-encrypted.pdf"), Path.Combine(_workspace.Seeds, "bad-encrypted.pdf"));
        IndexBuilder.Build(_workspace.Options).ValueOrThrow();
    }

    [Fact]
    public void CountDocuments_FirstAskedBySeveralThreadsAtOnce_EveryAnswerEqualsTheDocumentList()
    {
        using var engine = SearchEngine.Open(_workspace.Options).ValueOrThrow();
        const int Threads = 8;
        using var start = new Barrier(Threads);
        var answers = new DocumentCounts[Threads];
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            answers[t] = engine.CountDocuments(t % 2 == 0 ? Caller.Operator : Caller.Anonymous);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        var listed = engine.Documents();
        var expected = new DocumentCounts(
            Served: listed.Count(d => d.Skipped is null),
            Documents: listed.Count(d => d.Skipped is null),
            Skipped: listed.Count(d => d.Skipped is not null),
            Warnings: listed.Sum(d => d.Warnings.Count));
        // The skipped document is counted: the manifest was read, once, whichever thread came first.
        Assert.Equal(1, expected.Skipped);
        Assert.True(expected.Documents > 0);
        Assert.All(answers, a => Assert.Equal(expected, a));
    }

    [Fact]
    public void DocumentWarnings_EveryWarningOfTheDocumentList_InDocumentOrder()
    {
        // A document without a year in its title or text is read with a warning that says so.
        File.WriteAllText(Path.Combine(_workspace.Seeds, "zz-undated.txt"), "关于加强社区服务的通知\n\n各街道要加强社区服务。\n");
        IndexBuilder.Build(_workspace.Options).ValueOrThrow();
        using var engine = SearchEngine.Open(_workspace.Options).ValueOrThrow();

        var expected = engine.Documents().Where(d => d.Skipped is null)
            .SelectMany(d => d.Warnings.Select(w => new DocumentWarning(d.Doc, d.File, w))).ToList();

        Assert.Contains(expected, w => w.Doc == "zz-undated");
        Assert.Equal(expected, engine.DocumentWarnings());
    }

    public void Dispose() => _workspace.Dispose();
}
