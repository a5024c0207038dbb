namespace XiqingSearch.Core.Ingestion;

/// <summary>The wire names of <see cref="ParagraphKind"/>, as stored in the index and shown by the front ends.</summary>
public static class ParagraphKinds
{
    /// <summary>Wire name of <see cref="ParagraphKind.Paragraph"/>.</summary>
    public const string Paragraph = "paragraph";

    /// <summary>Wire name of <see cref="ParagraphKind.Heading"/>.</summary>
    public const string Heading = "heading";

    /// <summary>Wire name of <see cref="ParagraphKind.TableRow"/>.</summary>
    public const string TableRow = "table-row";

    /// <summary>The wire name of <paramref name="kind"/>.</summary>
    public static string ToWireName(ParagraphKind kind) => kind switch
    {
        ParagraphKind.Paragraph => Paragraph,
        ParagraphKind.Heading => Heading,
        ParagraphKind.TableRow => TableRow,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown paragraph kind."),
    };

    /// <summary>Parses a wire name (exact, lower case); false for anything else.</summary>
    public static bool TryParse(string? wireName, out ParagraphKind kind)
    {
        switch (wireName)
        {
            case Paragraph:
                kind = ParagraphKind.Paragraph;
                return true;
            case Heading:
                kind = ParagraphKind.Heading;
                return true;
            case TableRow:
                kind = ParagraphKind.TableRow;
                return true;
            default:
                kind = default;
                return false;
        }
    }
}
