namespace XiqingSearch.Core.Problems;

/// <summary>
/// The part of a request a problem is about, named once for every front end: the CLI renders
/// <see cref="Limit"/> as <c>--limit</c>, HTTP as <c>limit</c>. Core never writes either spelling.
/// </summary>
public enum RequestParameter
{
    /// <summary>The query text (<c>QUERY</c> / <c>q</c>).</summary>
    Query,

    /// <summary>Hits per page.</summary>
    Limit,

    /// <summary>Hits to skip.</summary>
    Offset,

    /// <summary>Hit order.</summary>
    Sort,

    /// <summary>A year or range of years to keep.</summary>
    Year,

    /// <summary>A topic to keep.</summary>
    Topic,

    /// <summary>A chapter path to keep (the facet's exact path).</summary>
    Chapter,

    /// <summary>A heading, or part of one, to keep (the CLI's <c>--chapter</c>, HTTP <c>heading</c>).</summary>
    Heading,

    /// <summary>A document to keep.</summary>
    Doc,

    /// <summary>A paragraph kind to keep.</summary>
    Kind,

    /// <summary>A document type to keep.</summary>
    Type,

    /// <summary>An issuer (发文机关) to keep.</summary>
    Issuer,

    /// <summary>Neighbouring paragraphs shown each side of one paragraph.</summary>
    Context,

    /// <summary>Most values per facet (CLI <c>--facet-size</c>, HTTP <c>facetSize</c>).</summary>
    FacetSize,

    /// <summary>The paragraph number of a paragraph reference.</summary>
    Paragraph,

    /// <summary>The first year a new-terms comparison looks back to.</summary>
    Since,

    /// <summary>How a document spanning several years is counted.</summary>
    MultiYear,

    /// <summary>Text recognised from scans: only it, none of it, or both.</summary>
    Ocr,

    /// <summary>Approximate matching off.</summary>
    Exact,

    /// <summary>The output format.</summary>
    Format,

    /// <summary>The file the output is written to.</summary>
    Output,
}
