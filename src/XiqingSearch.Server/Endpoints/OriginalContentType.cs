namespace XiqingSearch.Server.Endpoints;

/// <summary>
/// How <c>GET /api/documents/{doc}/original</c> serves a source file: a PDF inline (the browser's viewer shows it,
/// and <c>#page=N</c> opens the page of a hit); everything else as an attachment, because an HTML, SVG or Markdown
/// file shown as a page of this origin could run script with its rights.
/// </summary>
internal readonly record struct OriginalContentType(string ContentType, bool Inline)
{
    public static OriginalContentType Of(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".pdf" => new("application/pdf", true),
        ".docx" => new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", false),
        ".doc" => new("application/msword", false),
        ".html" or ".htm" => new("text/html; charset=utf-8", false),
        ".md" or ".markdown" => new("text/markdown; charset=utf-8", false),
        ".txt" => new("text/plain; charset=utf-8", false),
        _ => new("application/octet-stream", false),
    };
}
