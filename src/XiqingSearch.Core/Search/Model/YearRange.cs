namespace XiqingSearch.Core.Search.Model;

/// <summary>An inclusive range of years, as a filter (<c>2024</c> or <c>2021..2023</c>).</summary>
public readonly record struct YearRange(int From, int To)
{
    /// <summary>The wire name of the unknown year: facet value, filter value, <c>year:unknown</c>.</summary>
    public const string Unknown = "unknown";

    /// <summary>
    /// The filter that keeps the unknown year. Inside the engine the unknown year is 0 (the doc value of a
    /// paragraph with no year field), which no real range contains.
    /// </summary>
    public static readonly YearRange UnknownYear = new(0, 0);

    /// <summary>True for <see cref="UnknownYear"/>.</summary>
    public bool IsUnknown => From == 0 && To == 0;

    /// <summary>A year as the wire writes it: its digits, or <see cref="Unknown"/> for 0.</summary>
    public static string Label(int year) => year == 0 ? Unknown : year.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when <paramref name="year"/> lies in the range.</summary>
    public bool Contains(int year) => year >= From && year <= To;

    /// <summary>
    /// Parses <c>2024</c>, <c>2021..2023</c>, <c>2021-2023</c> or <c>unknown</c>. Returns false for anything else, including a
    /// reversed range and a year outside <see cref="SearchLimits.MinYear"/>..<see cref="SearchLimits.MaxYear"/>
    /// (the years <c>year:</c> accepts in a query).
    /// </summary>
    public static bool TryParse(string? text, out YearRange range)
    {
        range = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var s = text.Trim();
        if (s.Equals(Unknown, StringComparison.OrdinalIgnoreCase))
        {
            range = UnknownYear;
            return true;
        }
        var sep = s.IndexOf("..", StringComparison.Ordinal);
        var sepLength = 2;
        if (sep < 0)
        {
            sep = s.IndexOf('-', 1);
            sepLength = 1;
        }
        if (sep < 0)
        {
            if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var single) && SearchLimits.IsYear(single))
            {
                range = new YearRange(single, single);
                return true;
            }
            return false;
        }
        if (int.TryParse(s.AsSpan(0, sep).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            && int.TryParse(s.AsSpan(sep + sepLength).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            && SearchLimits.IsYear(from) && SearchLimits.IsYear(to) && from <= to)
        {
            range = new YearRange(from, to);
            return true;
        }
        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => IsUnknown ? Unknown : From == To
        ? From.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{From}..{To}");
}
