using System.Globalization;

namespace XiqingSearch.Core.Search.Model;

/// <summary>An inclusive range of years, as a filter (<c>2024</c> or <c>2021..2023</c>).</summary>
public readonly record struct YearRange(int From, int To)
{
    /// <summary>True when <paramref name="year"/> lies in the range.</summary>
    public bool Contains(int year) => year >= From && year <= To;

    /// <summary>
    /// Parses <c>2024</c>, <c>2021..2023</c> or <c>2021-2023</c>. Returns false for anything else, including a
    /// reversed range.
    /// </summary>
    public static bool TryParse(string? text, out YearRange range)
    {
        range = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var s = text.Trim();
        var sep = s.IndexOf("..", StringComparison.Ordinal);
        var sepLength = 2;
        if (sep < 0)
        {
            sep = s.IndexOf('-', 1);
            sepLength = 1;
        }
        if (sep < 0)
        {
            if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var single))
            {
                range = new YearRange(single, single);
                return true;
            }
            return false;
        }
        if (int.TryParse(s.AsSpan(0, sep).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            && int.TryParse(s.AsSpan(sep + sepLength).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            && from <= to)
        {
            range = new YearRange(from, to);
            return true;
        }
        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => From == To
        ? From.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{From}..{To}");
}
