namespace XiqingSearch.Core.Ingestion;

/// <summary>What a <see cref="Paragraph"/> is; see <see cref="ParagraphKinds"/> for the wire names.</summary>
public enum ParagraphKind
{
    /// <summary>Body text: one or more sentences a reader sees as one paragraph (<c>paragraph</c>).</summary>
    Paragraph,

    /// <summary>A heading (<c>heading</c>): a title, <c>第X章</c>, <c>一、</c>, <c>（一）</c>, <c>专栏N</c>, a markdown heading.</summary>
    Heading,

    /// <summary>One row of a table, cells joined with <c> | </c> (<c>table-row</c>).</summary>
    TableRow,
}
