namespace XiqingSearch.Core.Ingestion.Model;

/// <summary>A line recognised as a heading.</summary>
/// <param name="Level">0 for a document title, 1 for <c>第X章</c>/<c>一、</c>, 2 for <c>第X节</c>/<c>（一）</c>,
/// 3 for <c>专栏N</c>; <see cref="HeadingRecognizer.Nested"/> for a markdown heading of no known form.</param>
/// <param name="IsNotice">True for a notice title (<c>…关于印发…的通知</c>), which may continue on a later line.</param>
/// <param name="IsBox">True for a <c>专栏</c> caption, which opens a box (often a table).</param>
internal readonly record struct HeadingMatch(int Level, bool IsNotice = false, bool IsBox = false);
