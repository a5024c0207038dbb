using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Lucene41;
using Lucene.Net.Codecs.Lucene45;

namespace XiqingSearch.Core.Indexing;

/// <summary>
/// The index formats this product writes, named for Lucene before any index is touched. Lucene.Net finds a codec,
/// postings format or doc-values format by name through a factory that, on first use, reflects over every type of
/// its assembly to learn the names; that scan loaded thousands of types and was the largest single cost of a
/// one-shot <c>xiqing search</c> (about a third of its staleness check). Our commits only ever name
/// <c>Lucene46</c>, <c>Lucene41</c> and <c>Lucene45</c>, so those are constructed directly; any other name (an
/// index written by something else) still goes to Lucene's own factories, which scan as before. <c>Lucene46</c> is
/// <see cref="StoredFieldsCodec"/>: the same format, with a stored-fields decoder that reads a mapped commit directly.
/// </summary>
internal static class LuceneFormats
{
    internal const string CodecName = "Lucene46";
    internal const string PostingsName = "Lucene41";
    internal const string DocValuesName = "Lucene45";

    private static readonly DirectFactory s_factory = new();

    /// <summary>How many lookups fell through to Lucene's scanning factories (our own indexes need none).</summary>
    internal static int FallbackLookups => s_factory.FallbackLookups;

    /// <summary>
    /// Installs the factories when this assembly loads, so that no path into Lucene (a build, a staleness check,
    /// a reader, a test) can reach a scanning factory first. The postings and doc-values factories go first: the
    /// codec's constructor looks its default formats up by name.
    /// </summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries",
        Justification = "Lucene's format factories are process-wide; they must be in place before the first Lucene call from any entry point.")]
    internal static void Register()
    {
        PostingsFormat.SetPostingsFormatFactory(s_factory);
        DocValuesFormat.SetDocValuesFormatFactory(s_factory);
        Codec.SetCodecFactory(s_factory);
    }

    /// <summary>Our three formats by name, one instance each (Lucene's factories also hand out one per name).</summary>
    private sealed class DirectFactory : ICodecFactory, IPostingsFormatFactory, IDocValuesFormatFactory
    {
        private readonly Lazy<PostingsFormat> _postings = new(() => new Lucene41PostingsFormat());
        private readonly Lazy<DocValuesFormat> _docValues = new(() => new Lucene45DocValuesFormat());
        private readonly Lazy<Codec> _codec = new(() => new StoredFieldsCodec());
        private readonly Lazy<DefaultCodecFactory> _otherCodecs = new(() => new DefaultCodecFactory());
        private readonly Lazy<DefaultPostingsFormatFactory> _otherPostings = new(() => new DefaultPostingsFormatFactory());
        private readonly Lazy<DefaultDocValuesFormatFactory> _otherDocValues = new(() => new DefaultDocValuesFormatFactory());
        private int _fallbackLookups;

        public int FallbackLookups => Volatile.Read(ref _fallbackLookups);

        public Codec GetCodec(string name) =>
            name == CodecName ? _codec.Value : Fallback(() => _otherCodecs.Value.GetCodec(name));

        public PostingsFormat GetPostingsFormat(string name) =>
            name == PostingsName ? _postings.Value : Fallback(() => _otherPostings.Value.GetPostingsFormat(name));

        public DocValuesFormat GetDocValuesFormat(string name) =>
            name == DocValuesName ? _docValues.Value : Fallback(() => _otherDocValues.Value.GetDocValuesFormat(name));

        private T Fallback<T>(Func<T> lookup)
        {
            Interlocked.Increment(ref _fallbackLookups);
            return lookup();
        }
    }
}
