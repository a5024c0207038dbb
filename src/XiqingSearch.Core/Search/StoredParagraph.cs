namespace XiqingSearch.Core.Search;

/// <summary>The stored fields of one paragraph that only hits need (read on first use, then kept).</summary>
internal sealed record StoredParagraph(
    string Text,
    IReadOnlyList<string> Chapter,
    IReadOnlyList<string> TopicKeywords,
    int FirstLine,
    int LastLine,
    int? FirstPage,
    int? LastPage);
