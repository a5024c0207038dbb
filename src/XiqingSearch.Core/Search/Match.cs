using XiqingSearch.Core.Results;

namespace XiqingSearch.Core.Search;

/// <summary>A paragraph the query matched, with its score and every occurrence of the query's phrases.</summary>
internal sealed record Match(ParagraphRow Row, float Score, IReadOnlyList<TextSpan> Occurrences);
