namespace XiqingSearch.Core.Search.Engine;

/// <summary>The stored fields of one paragraph that only hits need (read for the page shown, not kept).</summary>
internal sealed record StoredFields(
    string Text,
    IReadOnlyList<string> Chapter,
    IReadOnlyList<string> TopicKeywords,
    int FirstLine,
    int LastLine,
    int? FirstPage,
    int? LastPage);
