namespace XiqingSearch.Core.Ingestion;

/// <summary>
/// Where a document's year was read, in the order they are tried: the first that gives a year wins. The wire names
/// of <c>yearSource</c>; a document with none of them has an unknown year (null).
/// </summary>
public static class YearSources
{
    /// <summary><c>catalog.json</c> names it.</summary>
    public const string Catalogue = "catalogue";

    /// <summary>The document's own metadata: 成文日期/发布日期, a publish-date <c>meta</c>, front matter <c>date</c>.</summary>
    public const string Metadata = "metadata";

    /// <summary>The text: the title's years by document type, a delivery line, a signing date.</summary>
    public const string Text = "text";

    /// <summary>The file's properties (PDF/DOCX creation date).</summary>
    public const string FileProperties = "file-properties";

    /// <summary>A file name that names exactly one year.</summary>
    public const string FileName = "file-name";
}
