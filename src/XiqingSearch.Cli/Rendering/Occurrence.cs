namespace XiqingSearch.Cli.Rendering;

/// <summary>One highlighted occurrence of the query, with its paragraph: a KWIC line, a CSV row.</summary>
internal readonly record struct Occurrence(SearchHit Hit, TextSpan Span)
{
    /// <summary>The matched text.</summary>
    public string Match => Hit.Text[Span.Start..Span.End];

    /// <summary>Everything before the match in the paragraph.</summary>
    public string Left => Hit.Text[..Span.Start];

    /// <summary>Everything after the match in the paragraph.</summary>
    public string Right => Hit.Text[Span.End..];

    /// <summary>Every occurrence of every hit, in hit order then text order.</summary>
    public static IEnumerable<Occurrence> All(SearchResponse response) =>
        response.Hits.SelectMany(hit => hit.Highlights
            .Where(span => span.Start >= 0 && span.End <= hit.Text.Length && span.Start < span.End)
            .Select(span => new Occurrence(hit, span)));
}
