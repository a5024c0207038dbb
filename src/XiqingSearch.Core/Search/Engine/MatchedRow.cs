namespace XiqingSearch.Core.Search.Engine;

/// <summary>
/// A paragraph the query matched, with its score and the number of occurrences of the query's phrases in it
/// (their spans are found only for the hits a page shows).
/// </summary>
internal readonly record struct MatchedRow(ParagraphRow Row, float Score, int Occurrences);
