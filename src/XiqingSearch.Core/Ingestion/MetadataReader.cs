using System.Text.RegularExpressions;

namespace XiqingSearch.Core.Ingestion;

/// <summary>
/// Reads a document's title, type and year from its text, never from its file name.
/// <list type="bullet">
/// <item>Title: the document's own title line (the last title before the first chapter that is not the notice
/// title); else the name inside a notice title (<c>关于印发《X》的通知</c> → X); else a <c>《…五年规划…》</c> the text
/// names; else the first heading; else the file id.</item>
/// <item>Type: <c>工作报告</c> → work report; <c>五年规划</c> or <c>纲要</c> → five-year plan; <c>规划</c>/<c>计划</c> → annual plan.</item>
/// <item>Year: annual plan → the latest year in its title (the plan year); work report → the year of the
/// "——2023年1月7日在…会议上" delivery line; five-year plan → the first year of the span "（2021—2025年）", which is
/// also its period; other → the first year in the title.</item>
/// </list>
/// </summary>
internal static partial class MetadataReader
{
    public static DocumentMetadata Read(string docId, IReadOnlyList<ParagraphDraft> paragraphs)
    {
        var text = string.Concat(paragraphs.Select(p => p.Text + "\n"));
        var title = ReadTitle(docId, paragraphs, text);
        var type = ReadType(title);
        int? year = null;
        string? period = null;
        switch (type)
        {
            case DocumentTypes.AnnualPlan:
                year = MaxYear(title);
                break;
            case DocumentTypes.WorkReport:
                var delivered = DeliveryPattern().Match(text);
                year = delivered.Success ? int.Parse(delivered.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
                break;
            case DocumentTypes.FiveYearPlan:
                var span = SpanPattern().Match(text);
                if (span.Success)
                {
                    year = int.Parse(span.Groups["from"].Value, System.Globalization.CultureInfo.InvariantCulture);
                    period = span.Groups["from"].Value + "–" + span.Groups["to"].Value;
                }
                break;
        }
        year ??= FirstYear(title);
        return new DocumentMetadata(title, year, period, type);
    }

    private static string ReadTitle(string docId, IReadOnlyList<ParagraphDraft> paragraphs, string text)
    {
        var titles = paragraphs.Where(p => p.Kind == ParagraphKind.Heading && p.HeadingLevel == 0).ToList();
        var own = titles.LastOrDefault(p => !p.IsNotice);
        if (own is not null)
        {
            return own.Text;
        }
        var notice = titles.FirstOrDefault(p => p.IsNotice);
        if (notice is not null)
        {
            var inner = NoticePattern().Match(notice.Text);
            return inner.Success ? inner.Groups["title"].Value.Trim('《', '》') : notice.Text;
        }
        // A plan that names itself: prefer the 《…纲要》 over other plans it cites (the 建议 it implements).
        var named = NamedPlanPattern().Matches(text).Select(m => m.Groups["title"].Value).ToList();
        if (named.Count > 0)
        {
            return named.FirstOrDefault(t => t.EndsWith("纲要", StringComparison.Ordinal)) ?? named[0];
        }
        var firstHeading = paragraphs.FirstOrDefault(p => p.Kind == ParagraphKind.Heading);
        return firstHeading?.Text ?? docId;
    }

    private static string ReadType(string title)
    {
        if (title.Contains("工作报告", StringComparison.Ordinal))
        {
            return DocumentTypes.WorkReport;
        }
        if (title.Contains("五年规划", StringComparison.Ordinal) || title.Contains("纲要", StringComparison.Ordinal))
        {
            return DocumentTypes.FiveYearPlan;
        }
        return title.Contains("规划", StringComparison.Ordinal) || title.Contains("计划", StringComparison.Ordinal)
            ? DocumentTypes.AnnualPlan
            : DocumentTypes.Other;
    }

    private static int? MaxYear(string text)
    {
        int? max = null;
        foreach (Match match in YearPattern().Matches(text))
        {
            var year = int.Parse(match.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
            max = max is null || year > max ? year : max;
        }
        return max;
    }

    private static int? FirstYear(string text)
    {
        var match = YearPattern().Match(text);
        return match.Success ? int.Parse(match.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"(?<year>(19|20)\d{2})年")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"——\s*(?<year>(19|20)\d{2})年\d{1,2}月\d{1,2}日在")]
    private static partial Regex DeliveryPattern();

    [GeneratedRegex(@"(?<from>(19|20)\d{2})\s*年?\s*[—–\-－~～至到]+\s*(?<to>(19|20)\d{2})\s*年")]
    private static partial Regex SpanPattern();

    [GeneratedRegex(@"关于印发(?<title>.+?)的通知")]
    private static partial Regex NoticePattern();

    [GeneratedRegex(@"《(?<title>[^《》]*五年规划[^《》]*)》")]
    private static partial Regex NamedPlanPattern();
}
