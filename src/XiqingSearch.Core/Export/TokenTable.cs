using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace XiqingSearch.Core.Export;

/// <summary>
/// Writes the tokens of a text, one line at a time, in the TSV format of the Java Lucene peer
/// (<c>run.sh tokens FILE</c>): the header <c>line	term	start	end	position</c>, then one row per token.
/// Lines are split on CR LF, CR or LF; a BOM at the start is dropped; each line is analysed as its own field
/// value, so offsets and positions restart at 0; blank lines give no rows. <c>position</c> is the token's
/// absolute position in its line (sum of position increments − 1). Unpaired surrogates are written as
/// <c>?</c>, as Java's UTF-8 encoder does, so the output is byte-identical to the peer's when written as
/// UTF-8 without BOM.
/// </summary>
public static class TokenTable
{
    /// <summary>The header row (without its line end).</summary>
    public const string Header = "line\tterm\tstart\tend\tposition";

    private const string FieldName = "text";

    /// <summary>Analyses every line of <paramref name="input"/> with <paramref name="analyzer"/> and writes the
    /// table to <paramref name="output"/> with <c>\n</c> line ends. Give it a UTF-8 writer without BOM to match
    /// the peer byte for byte.</summary>
    public static void Write(Analyzer analyzer, TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var text = input.ReadToEnd();
        var row = new StringBuilder();
        output.Write(Header);
        output.Write('\n');
        var lineNumber = 0;
        var position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        while (position < text.Length)
        {
            lineNumber++;
            var breakAt = text.AsSpan(position).IndexOfAny('\r', '\n');
            var lineEnd = breakAt < 0 ? text.Length : position + breakAt;
            if (lineEnd > position)
            {
                WriteLine(analyzer, text[position..lineEnd], lineNumber, row, output);
            }
            position = lineEnd;
            if (position < text.Length)
            {
                position += text[position] == '\r' && position + 1 < text.Length && text[position + 1] == '\n' ? 2 : 1;
            }
        }
    }

    private static void WriteLine(Analyzer analyzer, string line, int lineNumber, StringBuilder row, TextWriter output)
    {
        var stream = analyzer.GetTokenStream(FieldName, line);
        try
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            var tokenPosition = -1;
            while (stream.IncrementToken())
            {
                tokenPosition += increment.PositionIncrement;
                row.Clear();
                row.Append(lineNumber.ToString(CultureInfo.InvariantCulture)).Append('\t');
                AppendTerm(row, term.Buffer.AsSpan(0, term.Length));
                row.Append('\t').Append(offset.StartOffset.ToString(CultureInfo.InvariantCulture))
                    .Append('\t').Append(offset.EndOffset.ToString(CultureInfo.InvariantCulture))
                    .Append('\t').Append(tokenPosition.ToString(CultureInfo.InvariantCulture))
                    .Append('\n');
                output.Write(row);
            }
            stream.End();
        }
        finally
        {
            stream.Dispose();
        }
    }

    // Java's UTF-8 encoder writes an unpaired surrogate as '?'; so do we.
    private static void AppendTerm(StringBuilder row, ReadOnlySpan<char> term)
    {
        for (var i = 0; i < term.Length; i++)
        {
            var c = term[i];
            if (char.IsHighSurrogate(c) && i + 1 < term.Length && char.IsLowSurrogate(term[i + 1]))
            {
                row.Append(c).Append(term[i + 1]);
                i++;
            }
            else
            {
                row.Append(char.IsSurrogate(c) ? '?' : c);
            }
        }
    }
}
