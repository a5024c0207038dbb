using System.Text.Json.Serialization;

namespace XiqingSearch.Core.Search.Analytics;

/// <summary>
/// Where a document that covers several years (the 2021–2025 five-year plan) is counted in a year-by-year view.
/// </summary>
public enum MultiYearMode
{
    /// <summary>Under its first year, as search and its year facet count it (the default).</summary>
    [JsonStringEnumMemberName("first-year")]
    FirstYear,

    /// <summary>As its own series (column), labelled with its period.</summary>
    [JsonStringEnumMemberName("own")]
    Own,

    /// <summary>Left out.</summary>
    [JsonStringEnumMemberName("exclude")]
    Exclude,
}

/// <summary>The wire names of <see cref="MultiYearMode"/>, shared by the CLI (<c>--multi-year</c>) and HTTP (<c>multiYear=</c>).</summary>
public static class MultiYearModes
{
    /// <summary>The names, in the order help texts list them.</summary>
    public const string Names = "first-year, own, exclude";

    /// <summary>The wire name of <paramref name="mode"/>.</summary>
    public static string Name(MultiYearMode mode) => mode switch
    {
        MultiYearMode.Own => "own",
        MultiYearMode.Exclude => "exclude",
        _ => "first-year",
    };

    /// <summary>Parses a wire name (case-insensitive); an empty value is the default.</summary>
    public static bool TryParse(string? text, out MultiYearMode mode)
    {
        switch ((text ?? "").Trim().ToLowerInvariant())
        {
            case "" or "first-year":
                mode = MultiYearMode.FirstYear;
                return true;
            case "own":
                mode = MultiYearMode.Own;
                return true;
            case "exclude":
                mode = MultiYearMode.Exclude;
                return true;
            default:
                mode = MultiYearMode.FirstYear;
                return false;
        }
    }

    /// <summary>One sentence for people, stating where multi-year documents are counted.</summary>
    public static string Describe(MultiYearMode mode) => mode switch
    {
        MultiYearMode.Own => "Multi-year documents (the five-year plan) are shown as their own series.",
        MultiYearMode.Exclude => "Multi-year documents (the five-year plan) are left out.",
        _ => "Multi-year documents (the five-year plan) count under their first year.",
    };
}
