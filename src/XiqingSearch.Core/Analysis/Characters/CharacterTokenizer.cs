using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace XiqingSearch.Core.Analysis.Characters;

/// <summary>
/// One token per code point of the normalised text (<see cref="CharacterNormalizer"/>), with offsets into the
/// original text and consecutive positions: whitespace leaves no gap, so <c>2023 年</c> and <c>2023年</c> index alike
/// and a phrase query over these tokens is exactly a whitespace-insensitive substring test.
/// </summary>
internal sealed class CharacterTokenizer : Tokenizer
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _position;
    private char[] _text = new char[256];
    private int _length;
    private int _next;

    public CharacterTokenizer(TextReader input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        while (_next < _length && CharacterNormalizer.IsIgnorable(_text[_next]))
        {
            _next++;
        }
        if (_next >= _length)
        {
            return false;
        }
        var start = _next;
        var width = char.IsHighSurrogate(_text[start]) && start + 1 < _length && char.IsLowSurrogate(_text[start + 1]) ? 2 : 1;
        var buffer = _term.ResizeBuffer(width);
        buffer[0] = CharacterNormalizer.Fold(_text[start]);
        if (width == 2)
        {
            buffer[1] = _text[start + 1];
        }
        _term.Length = width;
        _offset.SetOffset(CorrectOffset(start), CorrectOffset(start + width));
        _position.PositionIncrement = 1;
        _next = start + width;
        return true;
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(_length);
        _offset.SetOffset(final, final);
    }

    public override void Reset()
    {
        base.Reset();
        // Paragraphs are small: read the whole field value once instead of streaming it.
        _length = 0;
        _next = 0;
        int read;
        while ((read = m_input.Read(_text, _length, _text.Length - _length)) > 0)
        {
            _length += read;
            if (_length == _text.Length)
            {
                Array.Resize(ref _text, _text.Length * 2);
            }
        }
    }
}
