namespace XiqingSearch.Core.Ingestion.Model;

/// <summary>
/// The bounds every reader keeps, so that no single file can take unbounded memory or time. A document over a limit
/// is skipped and named with the limit (never truncated silently: what is indexed is indexed whole).
/// </summary>
public sealed record IngestLimits
{
    /// <summary>The limits when nothing is configured.</summary>
    public static readonly IngestLimits Default = new();

    /// <summary>Bytes one part of an archive (a DOCX's <c>word/document.xml</c>) may inflate to.</summary>
    public long MaxPartBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Bytes all parts of one archive may inflate to together.</summary>
    public long MaxInflatedBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Inflated ÷ compressed size above which an archive part is taken for a bomb.</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    /// <summary>Element nesting depth of XML and HTML.</summary>
    public int MaxNestingDepth { get; init; } = 512;

    /// <summary>Pages of one PDF.</summary>
    public int MaxPages { get; init; } = 5000;

    /// <summary>
    /// Characters (UTF-16 units) of one document's text, for a document read whole (PDF, DOCX, pages, Markdown, and
    /// text files up to <see cref="StreamTextBytes"/>). A larger text file is streamed and not bound by it.
    /// </summary>
    public long MaxDocumentCharacters { get; init; } = 50_000_000;

    /// <summary>Characters (UTF-16 units) of one paragraph.</summary>
    public int MaxParagraphCharacters { get; init; } = 1_000_000;

    /// <summary>
    /// Bytes above which a <c>*.txt</c> file is read as a stream (<c>StreamedText</c>): a build then holds a
    /// window of its lines and a paragraph at a time, so its memory does not grow with the file. Below it the file
    /// is read whole (faster: one pass instead of three).
    /// </summary>
    public long StreamTextBytes { get; init; } = 16L * 1024 * 1024;
}
