using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace XiqingSearch.Core.Indexing;

/// <summary>
/// A paragraph's SmartCn tokens, analysed once for two uses: the <see cref="FieldNames.Text"/> field (replayed to the
/// writer, <see cref="Stream"/>) and the word offsets the digest stores (<see cref="Words"/>). Analysing the text a
/// second time for the digest would double the build's most costly step.
/// </summary>
internal sealed class AnalyzedText
{
    private readonly List<Token> _tokens;
    private readonly int _finalOffset;

    private AnalyzedText(List<Token> tokens, int finalOffset, List<(int Start, int End)> words)
    {
        _tokens = tokens;
        _finalOffset = finalOffset;
        Words = words;
    }

    /// <summary>The words' offsets, as <see cref="ParagraphDigest.Words"/> gives them.</summary>
    public List<(int Start, int End)> Words { get; }

    /// <summary>The tokens as the analyzer gave them: term, position increment, offsets, and the final offset.</summary>
    public TokenStream Stream() => new Replay(this);

    public static AnalyzedText Analyze(Analyzer smartCn, string text)
    {
        var tokens = new List<Token>();
        var words = new List<(int Start, int End)>();
        var finalOffset = text.Length;
        var stream = smartCn.GetTokenStream(FieldNames.Text, text);
        try
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens.Add(new Token(term.ToString(), increment.PositionIncrement, offset.StartOffset, offset.EndOffset));
                // The same filter as ParagraphDigest.Words, so a text analysed either way gives the same words.
                if (offset.EndOffset > offset.StartOffset && offset.EndOffset <= text.Length)
                {
                    words.Add((offset.StartOffset, offset.EndOffset));
                }
            }
            stream.End();
            finalOffset = offset.EndOffset;
        }
        finally
        {
            stream.Dispose();
        }
        return new AnalyzedText(tokens, finalOffset, words);
    }

    private readonly record struct Token(string Term, int Increment, int Start, int End);

    /// <summary>Plays the tokens back to the index writer.</summary>
    private sealed class Replay : TokenStream
    {
        private readonly AnalyzedText _text;
        private readonly ICharTermAttribute _term;
        private readonly IPositionIncrementAttribute _increment;
        private readonly IOffsetAttribute _offset;
        private int _next;

        public Replay(AnalyzedText text)
        {
            _text = text;
            _term = AddAttribute<ICharTermAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
        }

        public override bool IncrementToken()
        {
            if (_next >= _text._tokens.Count)
            {
                return false;
            }
            ClearAttributes();
            var token = _text._tokens[_next++];
            _term.SetEmpty().Append(token.Term);
            _increment.PositionIncrement = token.Increment;
            _offset.SetOffset(token.Start, token.End);
            return true;
        }

        public override void End()
        {
            base.End();
            _offset.SetOffset(_text._finalOffset, _text._finalOffset);
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
        }
    }
}
