using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;

namespace XiqingSearch.Core.Search;

/// <summary>An index searcher that carries the <see cref="ParagraphTable"/> of its commit and ranks with BM25.</summary>
internal sealed class TableSearcher : IndexSearcher
{
    public TableSearcher(IndexReader reader) : base(reader)
    {
        Similarity = new BM25Similarity();
        Table = ParagraphTable.Load(reader);
    }

    public ParagraphTable Table { get; }

    /// <summary>Builds a <see cref="TableSearcher"/> for each commit a <see cref="SearcherManager"/> opens.</summary>
    public sealed class Factory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new TableSearcher(reader);
    }
}
