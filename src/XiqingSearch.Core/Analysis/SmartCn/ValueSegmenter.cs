namespace XiqingSearch.Core.Analysis.SmartCn;

/// <summary>
/// Segments a whole field value the way Lucene's <c>HMMChineseTokenizer</c> does: the 1024-unit chunker
/// (spec §3), the JDK sentence breaker inside each chunk (§4), and the lattice segmenter per sentence
/// (§6–§9). Not thread-safe; one per tokenizer.
/// </summary>
internal sealed class ValueSegmenter
{
    /// <summary>§3: the size of the tokenizer's read buffer.</summary>
    internal const int BufferSize = 1024;

    private readonly HhmmSegmenter _segmenter;

    public ValueSegmenter(SmartCnDictionary dictionary)
    {
        _segmenter = new HhmmSegmenter(dictionary);
    }

    /// <summary>Clears <paramref name="output"/> and fills it with the tokens of <paramref name="value"/>.</summary>
    public void Segment(ReadOnlySpan<char> value, SegmentedText output)
    {
        output.Clear();
        // §3, with the whole value in memory: the buffer is always value[offset .. offset+buffered).
        var offset = 0;
        var buffered = 0;
        var usable = 0;
        var read = 0;
        while (true)
        {
            offset += usable;
            buffered -= usable;
            var want = BufferSize - buffered;
            var added = Math.Min(want, value.Length - read);
            read += added;
            buffered += added;
            if (buffered == 0)
            {
                return;
            }
            var buffer = value.Slice(offset, buffered);
            // Input exhausted: process everything; else stop after the last safe-end unit, if any.
            usable = added < want ? buffered : LastSafeEnd(buffer) + 1;
            if (usable == 0)
            {
                usable = buffered;
            }
            var chunk = buffer[..usable];
            var start = 0;
            while (start < chunk.Length)
            {
                var end = SentenceBreaker.NextBoundary(chunk, start);
                _segmenter.Segment(chunk[start..end], offset + start, output);
                start = end;
            }
        }
    }

    // §3 safe-end units: CR, LF, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR. −1 when there is none.
    private static int LastSafeEnd(ReadOnlySpan<char> buffer) => buffer.LastIndexOfAny("\r\n\u0085\u2028\u2029");
}
