namespace XiqingSearch.Cli.Rendering;

/// <summary>How the terminal shows a year: its digits, or 年份未知 for the unknown year (null; facet value <c>unknown</c>).</summary>
internal static class YearLabel
{
    /// <summary>The label of the unknown year.</summary>
    public const string Unknown = "年份未知";

    /// <summary>A year of the result model.</summary>
    public static string Of(int? year) => year?.ToString(CultureInfo.InvariantCulture) ?? Unknown;

    /// <summary>A year facet value (<c>2024</c>, <c>unknown</c>).</summary>
    public static string OfFacet(string value) => value == YearRange.Unknown ? Unknown : value;

    /// <summary>
    /// The metadata of a document worth a reader's glance, joined with " · ": issuer, 文号, then the dates; empty
    /// when it has none.
    /// </summary>
    public static string Facts(string? issuer, string? number, string? writtenDate = null, string? publishedDate = null)
    {
        var parts = new List<string>(4);
        if (issuer is not null)
        {
            parts.Add(issuer);
        }
        if (number is not null)
        {
            parts.Add(number);
        }
        if (writtenDate is not null)
        {
            parts.Add("成文 " + writtenDate);
        }
        if (publishedDate is not null)
        {
            parts.Add("发布 " + publishedDate);
        }
        return string.Join(" · ", parts);
    }
}
