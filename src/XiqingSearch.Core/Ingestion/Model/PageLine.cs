namespace XiqingSearch.Core.Ingestion.Model;

/// <summary>One printed line of a page.</summary>
/// <param name="Text">The line's text (cells joined with <c> | </c> when <paramref name="IsRow"/>).</param>
/// <param name="IsRow">True when wide gaps split the line into table cells.</param>
/// <param name="Wraps">True when the line runs to the right margin and the next line goes on with it.</param>
/// <param name="Short">True when the line ends well before the right margin: its paragraph ends there.</param>
/// <param name="EndsBlock">True when the layout ends a paragraph after the line (OCR: the next line is indented).</param>
/// <param name="Ocr">True for OCR text: recognised from a page image, or an invisible text layer.</param>
/// <param name="OcrConfidence">Mean confidence (0..1) of the line's recognised words; null when unknown.</param>
internal sealed record PageLine(string Text, bool IsRow, bool Wraps = false, bool Short = false, bool EndsBlock = false,
    bool Ocr = false, double? OcrConfidence = null)
{
    /// <summary>Median letter size (points).</summary>
    public double Size { get; init; }

    /// <summary>Baseline height on the page (points from the bottom).</summary>
    public double Baseline { get; init; }

    /// <summary>Letters drawn on the line.</summary>
    public int Letters { get; init; }

    /// <summary>Left edge of the first letter.</summary>
    public double Left { get; init; }

    /// <summary>Right edge of the last letter.</summary>
    public double Right { get; init; }

    /// <summary>Which column of a two-column page the line stands in: 1 left, 2 right; 0 on a one-column page or
    /// for a line across both.</summary>
    public int Column { get; init; }
}
