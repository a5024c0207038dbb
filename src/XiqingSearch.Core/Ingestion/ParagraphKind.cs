namespace XiqingSearch.Core.Ingestion;

/// <summary>What a <see cref="Paragraph"/> is; <see cref="ParagraphKindNames"/> holds the wire names.</summary>
public enum ParagraphKind
{
    /// <summary>Body text: one or more sentences a reader sees as one paragraph (<c>paragraph</c>).</summary>
    Paragraph,

    /// <summary>A heading (<c>heading</c>): a title, <c>第X章</c>, <c>一、</c>, <c>（一）</c>, <c>专栏N</c>, a markdown heading.</summary>
    Heading,

    /// <summary>One row of a table, cells joined with <c> | </c> (<c>table-row</c>).</summary>
    TableRow,
}

/// <summary>
/// The wire names of <see cref="ParagraphKind"/>, the only place they are spelled: stored in the index, accepted
/// by <c>kind:</c>, <c>--kind</c> and <c>kind=</c>, written in the JSON.
/// </summary>
public static class ParagraphKindNames
{
    /// <summary>Wire name of <see cref="ParagraphKind.Paragraph"/>.</summary>
    public const string Paragraph = "paragraph";

    /// <summary>Wire name of <see cref="ParagraphKind.Heading"/>.</summary>
    public const string Heading = "heading";

    /// <summary>Wire name of <see cref="ParagraphKind.TableRow"/>.</summary>
    public const string TableRow = "table-row";

    /// <summary>Every wire name, in the enum's order.</summary>
    public static IReadOnlyList<string> All { get; } = [Paragraph, Heading, TableRow];

    /// <summary>The wire name of <paramref name="kind"/>.</summary>
    public static string Of(ParagraphKind kind) => kind switch
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
