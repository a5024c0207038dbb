namespace XiqingSearch.Core.Analysis.SmartCn;

/// <summary>The kinds of lattice tokens (spec §6).</summary>
internal enum TokenKind : byte
{
    Begin,
    End,
    Word,
    String,
    Number,
    Delimiter,
    FullWidthString,
    FullWidthNumber,
}
