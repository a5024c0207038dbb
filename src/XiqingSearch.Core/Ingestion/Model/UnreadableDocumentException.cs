namespace XiqingSearch.Core.Ingestion.Model;

/// <summary>A document whose text cannot be read: the stable code, the page it applies to (if any) and why.</summary>
internal sealed class UnreadableDocumentException(string code, int? page, string reason, Exception? inner = null)
    : Exception(reason, inner)
{
    public string Code { get; } = code;

    public int? Page { get; } = page;

    public string Reason { get; } = reason;
}
