namespace XiqingSearch.Core.Ingestion;

/// <summary>How a heading path is written as one string (filters, CSV, facet values).</summary>
public static class ChapterPath
{
    /// <summary>Between two headings of a path.</summary>
    public const string Separator = " > ";

    /// <summary>Joins a heading path.</summary>
    public static string Join(IEnumerable<string> path) => string.Join(Separator, path);

    /// <summary>
    /// Splits a joined heading path at <see cref="Separator"/> (a <c>&gt;</c> with a space each side); surrounding
    /// whitespace of each heading is dropped. A <c>&gt;</c> without spaces is part of a heading
    /// (<c>增速&gt;5%</c>), so such a heading works as a filter.
    /// </summary>
    public static IReadOnlyList<string> Split(string joined) =>
        joined.Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
