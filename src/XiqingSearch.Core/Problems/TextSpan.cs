namespace XiqingSearch.Core.Problems;

/// <summary>
/// A half-open range <c>[Start, End)</c> of a string (a query, a paragraph). Offsets are 0-based UTF-16 code units,
/// end exclusive, exactly as Lucene offsets and .NET string indices count. Columns shown to people are 1-based
/// (<see cref="Column"/>). Positions inside a file's bytes are not text positions: they are
/// <see cref="Problem.ByteOffset"/>.
/// </summary>
public readonly record struct TextSpan(int Start, int End)
{
    /// <summary>Number of UTF-16 units covered.</summary>
    public int Length => End - Start;

    /// <summary>The 1-based column of <see cref="Start"/>, for messages and carets.</summary>
    public int Column => Start + 1;

    /// <summary>
    /// True for a highlight found by approximate matching (an OCR paragraph, within the allowed edits of the
    /// phrase) rather than exactly; written only when true.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool Approximate { get; init; }

    /// <summary>A span of <paramref name="length"/> units starting at <paramref name="start"/>.</summary>
    public static TextSpan FromLength(int start, int length) => new(start, start + length);
}
