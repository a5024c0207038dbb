namespace XiqingSearch.Core.Ingestion.Formats;

/// <summary>
/// A scan of a PDF's bytes for how deep its arrays (<c>[ ]</c>) and dictionaries (<c>&lt;&lt; &gt;&gt;</c>) nest,
/// before the parser sees them: the parser recurses once per level, so a file of a hundred thousand nested arrays
/// would exhaust its stack or, parsed leniently, lose its pages without a word. Strings, comments and stream data are
/// skipped, since brackets there are not syntax. Linear in the file's size, no allocation.
/// </summary>
internal static class PdfSyntax
{
    /// <summary>True when arrays or dictionaries nest more than <paramref name="limit"/> deep anywhere in the file.</summary>
    public static bool NestsDeeperThan(ReadOnlySpan<byte> pdf, int limit)
    {
        var depth = 0;
        for (var i = 0; i < pdf.Length; i++)
        {
            switch (pdf[i])
            {
                case (byte)'%':
                    // A comment runs to the end of the line.
                    while (i < pdf.Length && pdf[i] is not ((byte)'\n' or (byte)'\r'))
                    {
                        i++;
                    }
                    break;
                case (byte)'(':
                    i = SkipString(pdf, i);
                    break;
                case (byte)'[':
                    if (++depth > limit)
                    {
                        return true;
                    }
                    break;
                case (byte)']':
                    depth = Math.Max(0, depth - 1);
                    break;
                case (byte)'<' when i + 1 < pdf.Length && pdf[i + 1] == '<':
                    i++;
                    if (++depth > limit)
                    {
                        return true;
                    }
                    break;
                case (byte)'>' when i + 1 < pdf.Length && pdf[i + 1] == '>':
                    i++;
                    depth = Math.Max(0, depth - 1);
                    break;
                case (byte)'s' when IsStreamKeyword(pdf, i):
                    // Stream data is binary: jump to its endstream (a damaged file without one ends the scan).
                    var end = pdf[i..].IndexOf("endstream"u8);
                    if (end < 0)
                    {
                        return false;
                    }
                    i += end + "endstream".Length - 1;
                    break;
            }
        }
        return false;
    }

    /// <summary>The index of the <c>)</c> that closes the literal string opening at <paramref name="start"/>
    /// (balanced parentheses and backslash escapes, as the syntax has them).</summary>
    private static int SkipString(ReadOnlySpan<byte> pdf, int start)
    {
        var open = 0;
        for (var i = start; i < pdf.Length; i++)
        {
            switch (pdf[i])
            {
                case (byte)'\\':
                    i++;
                    break;
                case (byte)'(':
                    open++;
                    break;
                case (byte)')':
                    if (--open == 0)
                    {
                        return i;
                    }
                    break;
            }
        }
        return pdf.Length;
    }

    /// <summary>The keyword <c>stream</c> (not <c>endstream</c>) followed by an end of line.</summary>
    private static bool IsStreamKeyword(ReadOnlySpan<byte> pdf, int i) =>
        pdf[i..].StartsWith("stream"u8)
        && (i == 0 || pdf[i - 1] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'>')
        && i + 6 < pdf.Length && pdf[i + 6] is (byte)'\r' or (byte)'\n';
}
