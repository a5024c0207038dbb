namespace XiqingSearch.Core.Search.Model;

/// <summary>
/// A document's table of contents: its headings as a tree, each with the paragraph it opens at
/// (<c>GET /api/documents/{doc}/outline</c>, the page's 文件库).
/// </summary>
public sealed record DocumentOutline
{
    /// <summary>Document id.</summary>
    public required string Doc { get; init; }

    /// <summary>Title.</summary>
    public required string Title { get; init; }

    /// <summary>The year the document is filed under; null when it is unknown.</summary>
    public int? Year { get; init; }

    /// <summary>For a multi-year plan, its period (<c>2021–2025</c>); otherwise null.</summary>
    public string? Period { get; init; }

    /// <summary>Document type: <c>annual-plan</c>, <c>work-report</c>, <c>five-year-plan</c> or <c>other</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Paragraphs of the document, headings and table rows counted.</summary>
    public int Paragraphs { get; init; }

    /// <summary>The level-1 headings (the tree's roots), in reading order, each with the headings under it.</summary>
    public required IReadOnlyList<OutlineHeading> Headings { get; init; }
}

/// <summary>One heading of a document's outline.</summary>
public sealed record OutlineHeading
{
    /// <summary>The heading's text.</summary>
    public required string Text { get; init; }

    /// <summary>Its paragraph number (1-based), where the document view opens.</summary>
    public int Paragraph { get; init; }

    /// <summary>Its depth in the chapter path: 1 for a chapter (<c>第一章</c>, <c>一、</c>), 2 under it, and so on.</summary>
    public int Level { get; init; }

    /// <summary>The headings under it, in reading order.</summary>
    public IReadOnlyList<OutlineHeading> Children { get; init; } = [];
}
