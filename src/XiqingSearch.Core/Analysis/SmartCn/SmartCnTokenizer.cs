using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace XiqingSearch.Core.Analysis.SmartCn;

/// <summary>
/// A Lucene.Net tokenizer equivalent to Java Lucene 8.8's <c>HMMChineseTokenizer</c> followed by the stop
/// filter of <c>SmartChineseAnalyzer</c> (spec §2, §11): it drops the punctuation tokens itself and adds
/// their positions to the next token's increment, which is exactly what the stop filter does there.
/// It reads the whole field value on <see cref="Reset"/>, then serves tokens from a reused buffer.
/// </summary>
internal sealed class SmartCnTokenizer : Tokenizer
{
    private const string WordType = "word";

    private readonly ValueSegmenter _segmenter;
    private readonly SegmentedText _tokens = new();
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _increment;
    private readonly ITypeAttribute _type;
    private char[] _value = new char[4096];
    private int _valueLength;
    private int _next;

    public SmartCnTokenizer(SmartCnDictionary dictionary, TextReader input) : base(input)
    {
        _segmenter = new ValueSegmenter(dictionary);
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public override void Reset()
    {
        base.Reset();
        ReadAll();
        _segmenter.Segment(_value.AsSpan(0, _valueLength), _tokens);
        _next = 0;
    }

    public override bool IncrementToken()
    {
        if (_next >= _tokens.Count)
        {
            return false;
        }
        ClearAttributes();
        var index = _next++;
        var term = _tokens.Term(index);
        var buffer = _term.ResizeBuffer(term.Length);
        term.CopyTo(buffer);
        _term.SetLength(term.Length);
        _offset.SetOffset(CorrectOffset(_tokens.Start(index)), CorrectOffset(_tokens.End(index)));
        _increment.PositionIncrement = _tokens.Increment(index);
        _type.Type = WordType;
        return true;
    }

    public override void End()
    {
        base.End();
        // §1: the final offset is the length of the value.
        var final = CorrectOffset(_valueLength);
        _offset.SetOffset(final, final);
    }

    private void ReadAll()
    {
        _valueLength = 0;
        while (true)
        {
            if (_valueLength == _value.Length)
            {
                Array.Resize(ref _value, _value.Length * 2);
            }
            var read = m_input.Read(_value, _valueLength, _value.Length - _valueLength);
            if (read <= 0)
            {
                return;
            }
            _valueLength += read;
        }
    }
}
