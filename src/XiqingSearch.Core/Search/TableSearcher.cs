using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace XiqingSearch.Core.Search;

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
    }

    public ParagraphTable Table { get; }

    /// <summary>The commit generation this searcher reads.</summary>
    public long Generation { get; }
}
