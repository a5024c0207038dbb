using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;

namespace XiqingSearch.Core.Analysis.SmartCn;

/// <summary>
/// A Lucene.Net analyzer whose tokens (terms, offsets, positions) are identical to Java Lucene 8.8's
/// <c>new SmartChineseAnalyzer()</c>: sentence splitting, HMM word segmentation over Lucene's own SmartCn
/// dictionaries, Porter stemming and removal of punctuation. Usable on the index and on the query side.
/// Every <c>§N</c> in this folder is a section of <c>SPEC.md</c> beside it, the byte-for-byte specification the
/// port follows.
/// </summary>
public sealed class SmartCnAnalyzer : Analyzer
{
    private readonly SmartCnOptions? _options;
    private SmartCnDictionary? _dictionary;

    /// <summary>An analyzer over an already loaded dictionary.</summary>
    public SmartCnAnalyzer(SmartCnDictionary dictionary)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        _dictionary = dictionary;
    }

    /// <summary>An analyzer that loads <see cref="SmartCnDictionary.Shared"/> for <paramref name="options"/> at
    /// its first use, so constructing it never fails; a missing jar surfaces as a
    /// <see cref="XiqingException"/> from the first analysis.</summary>
    public SmartCnAnalyzer(SmartCnOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>The dictionary this analyzer segments with (loaded on first use, as for an analysis).</summary>
    internal SmartCnDictionary Dictionary => _dictionary ??= SmartCnDictionary.Shared(_options!);

    /// <inheritdoc />
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var dictionary = _dictionary ??= SmartCnDictionary.Shared(_options!);
        var tokenizer = new SmartCnTokenizer(dictionary, reader);
        // §10: Porter stemming after the tokenizer (which already applied the §11 stop rule; stemming never
        // turns a kept term into punctuation, so the order does not matter).
        return new TokenStreamComponents(tokenizer, new PorterStemFilter(tokenizer));
    }
}
