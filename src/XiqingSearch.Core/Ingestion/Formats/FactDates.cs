using System.Text.RegularExpressions;

namespace XiqingSearch.Core.Ingestion.Formats;

/// <summary>
/// Dates as document metadata writes them: <c>2018年12月21日</c>, <c>2018-12-21</c>, <c>2018/12/21</c>,
/// <c>2018.12.21</c>, an ISO timestamp (<c>2018-12-29T10:12:00+08:00</c>) or gov.cn's <c>2018-12-29-10:12:00</c>.
/// Only the date is kept; an impossible date (month 13) is no date.
/// </summary>
internal static partial class FactDates
{
    public static DateOnly? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var match = DatePattern().Match(text);
        if (!match.Success)
        {
            return null;
        }
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    [GeneratedRegex(@"(?<![\d])(?<y>(1[89]|20)\d{2})\s*(?:年|[-/.－])\s*(?<m>\d{1,2})\s*(?:月|[-/.－])\s*(?<d>\d{1,2})(?!\d)")]
    private static partial Regex DatePattern();
}
