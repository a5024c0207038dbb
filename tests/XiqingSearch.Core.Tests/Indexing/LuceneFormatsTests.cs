using Lucene.Net.Codecs;
using XiqingSearch.Core.Indexing;
using XiqingSearch.Core.Search.Engine;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Core.Tests.Indexing;

public sealed class LuceneFormatsTests
{
    [Fact]
    public void OurIndexes_NeedOnlyTheDirectFormats_AndOtherNamesStillResolve()
    {
        Assert.Equal(LuceneFormats.CodecName, Codec.ForName(LuceneFormats.CodecName).Name);
        Assert.Same(Codec.ForName(LuceneFormats.CodecName), Codec.Default);
        Assert.Equal(LuceneFormats.PostingsName, PostingsFormat.ForName(LuceneFormats.PostingsName).Name);
        Assert.Equal(LuceneFormats.DocValuesName, DocValuesFormat.ForName(LuceneFormats.DocValuesName).Name);

        // A build, a staleness check, an open and a search look up no other format (so nothing scans).
        var before = LuceneFormats.FallbackLookups;
        using (var work = new TempWorkspace())
        {
            IndexBuilder.Build(work.Options).ValueOrThrow();
            Assert.Equal(IndexState.Current, IndexBuilder.Check(work.Options));
            using var engine = SearchEngine.Open(work.Options).ValueOrThrow();
            Assert.True(engine.Search(new SearchRequest { Query = "\"天开西青园\"" }).ValueOrThrow().TotalHits > 0);
        }
        Assert.Equal(before, LuceneFormats.FallbackLookups);

        // A name of another index format goes to Lucene's own factory.
        Assert.Equal("Lucene42", Codec.ForName("Lucene42").Name);
        Assert.Equal(before + 1, LuceneFormats.FallbackLookups);
    }
}
