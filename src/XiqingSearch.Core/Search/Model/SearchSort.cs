namespace XiqingSearch.Core.Search.Model;

/// <summary>How hits are ordered. Wire names: <c>relevance</c>, <c>year</c>, <c>document</c>, <c>oldest</c>.</summary>
public enum SearchSort
{
    /// <summary>BM25 on the SmartCn field; ties by year (newest first), then document order.</summary>
    Relevance,

    /// <summary>Newest year first, then document order.</summary>
    Year,

    /// <summary>Document (file) order, then paragraph order: reading order through the corpus.</summary>
    Document,

    /// <summary>Oldest year first, then document order.</summary>
    Oldest,
}
