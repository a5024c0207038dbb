using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace XiqingSearch.Core.Analysis.Bigrams;

/// <summary>
/// Overlapping character bigrams of the normalised text (<see cref="MatchFolding"/>): at position i the
/// code points i and i+1, and at the last position the last code point alone. Whitespace leaves no gap, so
/// <c>2023 年</c> and <c>2023年</c> index alike. A phrase of n ≥ 2 code points is then exactly the bigrams at its
/// even offsets (plus its last bigram): a phrase query with about n/2 selective terms that matches exactly where
/// the normalised text contains the phrase; one code point is a prefix of the terms at its positions.
/// Offsets point into the original text.
/// </summary>
internal sealed class BigramTokenizer : Tokenizer
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _position;
    private char[] _text = new char[256];
    private int _length;
    private int _next;

    public BigramTokenizer(TextReader input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        ClearAttributes();
        var first = NextCodePoint(_next, out var firstWidth);
        if (first < 0)
        {
            return false;
        }
        var second = NextCodePoint(first + firstWidth, out var secondWidth);
        var buffer = _term.ResizeBuffer(4);
        var n = Append(buffer, 0, first, firstWidth);
        var end = first + firstWidth;
        if (second >= 0)
        {
            n = Append(buffer, n, second, secondWidth);
            end = second + secondWidth;
        }
        _term.Length = n;
        _offset.SetOffset(CorrectOffset(first), CorrectOffset(end));
        _position.PositionIncrement = 1;
        _next = first + firstWidth;
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

    /// <summary>The index of the next code point at or after <paramref name="from"/> that is not ignorable, or -1.</summary>
    private int NextCodePoint(int from, out int width)
    {
        while (from < _length && MatchFolding.IsIgnorable(_text[from]))
        {
            from++;
        }
        if (from >= _length)
        {
            width = 0;
            return -1;
        }
        width = char.IsHighSurrogate(_text[from]) && from + 1 < _length && char.IsLowSurrogate(_text[from + 1]) ? 2 : 1;
        return from;
    }

    private int Append(char[] buffer, int at, int index, int width)
    {
        buffer[at] = MatchFolding.Fold(_text[index]);
        if (width == 2)
        {
            buffer[at + 1] = _text[index + 1];
        }
        return at + width;
    }
}
