namespace XiqingSearch.Core.Search;

/// <summary>How a heading path is written as one string (filters, CSV, facet values).</summary>
public static class ChapterPath
{
    /// <summary>Between two headings of a path.</summary>
    public const string Separator = " > ";

    /// <summary>Joins a heading path.</summary>
    public static string Join(IEnumerable<string> path) => string.Join(Separator, path);

    /// <summary>Splits a joined heading path; surrounding whitespace of each heading is dropped.</summary>
    public static IReadOnlyList<string> Split(string joined) =>
        joined.Split(Separator.Trim(), StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
