using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Query;

namespace XiqingSearch.Core.Search.Commit;

/// <summary>
/// An index searcher over one commit that carries the commit's <see cref="ParagraphTable"/> and ranks with BM25.
/// Its reader is reference-counted: the engine holds one reference while the commit is current, each search one
/// more while it runs, and the reader closes when the last is released.
/// </summary>
internal sealed class TableSearcher : IndexSearcher
{
    public TableSearcher(IndexReader reader, long generation) : base(reader)
    {
        Similarity = new BM25Similarity();
        Table = ParagraphTable.Load(reader);
        Generation = generation;
        TermStates = new TermStateCache(TopReaderContext);
        // Parsed when first asked for, once: a readiness probe polled during start-up reads its skipped list on
        // every call, and the manifest lists every source (5,000 lines at the 1,000-copy archive).
        _manifest = new Lazy<IndexManifest?>(() => reader is DirectoryReader directory
            ? IndexManifest.FromCommitData(directory.IndexCommit.UserData)
            : null, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private readonly Lazy<IndexManifest?> _manifest;

    /// <summary>The build's manifest stored with this commit (its sources and the documents skipped), or null.</summary>
    public IndexManifest? Manifest => _manifest.Value;

    /// <summary>Term lookups in this commit, shared by every search on it.</summary>
    public TermStateCache TermStates { get; }

    public ParagraphTable Table { get; }

    /// <summary>The commit generation this searcher reads.</summary>
    public long Generation { get; }
}
