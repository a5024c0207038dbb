
namespace XiqingSearch.Core.Search.Highlighting;

/// <summary>A cut of a paragraph for list views, with the highlights that fall inside it.</summary>
internal sealed record Snippet(string Text, IReadOnlyList<TextSpan> Highlights);
