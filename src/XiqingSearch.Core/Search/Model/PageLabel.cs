namespace XiqingSearch.Core.Search.Model;

/// <summary>How a page range is shown to people: <c>p. 12</c>, or <c>pp. 12–13</c> across a page break.</summary>
public static class PageLabel
{
    /// <summary>The label, or null when the source has no pages (text files, saved pages).</summary>
    public static string? Of(int? firstPage, int? lastPage) => firstPage switch
    {
        null => null,
        int first when lastPage is int last && last > first => string.Create(CultureInfo.InvariantCulture, $"pp. {first}–{last}"),
        int first => string.Create(CultureInfo.InvariantCulture, $"p. {first}"),
    };
}
