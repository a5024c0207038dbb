using System.Text.RegularExpressions;
using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Ingestion;

/// <summary>
/// Reads a document's title, type and year from its text (never from its file name; <see cref="CorpusReader"/>
/// weighs the text against the other sources, <see cref="YearSources"/>). Every pattern tolerates spaces between
/// digits and 年/月/日, as converted PDFs and DOCX have them.
/// <list type="bullet">
/// <item>Title: the document's own title line (the last title before the first chapter that is not the notice
/// title); else the name inside a notice title (<c>关于印发《X》的通知</c> → X); else a <c>《…五年规划…》</c> the text
/// names; else the title the format's metadata gives; else a document's name standing alone among the first
/// paragraphs (<c>…考试大纲</c>, a table's <c>…职位表</c> row); else the first heading; else null. A title whose first
/// line stands alone above it (a title wrapped in a text file) is joined to it. A 文号 glued
/// to the end (<c>…的通知国发〔2018〕38号</c>) is split off into <see cref="DocumentMetadata.Number"/>.</item>
/// <item>Type: <c>工作报告</c> → work report; <c>五年规划</c> or <c>纲要</c> → five-year plan; <c>规划</c>/<c>计划</c> → annual plan.</item>
/// <item>Year: annual plan → the latest year in its title (the plan year); work report → the year of its delivery
/// line (<c>——2024年1月18日在…会议上</c>, any dash), and only without one its title's: a report reviews the year
/// before (<c>2023年工作回顾</c>), so its other years are not its own; five-year plan → the first year of the span
/// <c>（2021—2025年）</c>, which is also its period; other → the first year in the title. Then, for any type, a date
/// in parentheses under the title (<c>（2018年1月2日）</c>), then a signing date standing alone near the end
/// (<c>2018年7月31日</c>, <c>二〇一八年七月三十一日</c>), then one right after a notice's body, before the title of
/// the document it issues. Apart: <see cref="DocumentMetadata.TitleYear"/>, the year a title says it is about
/// (<c>…2022年…统计公报</c>), which beats any date; and the 成文日期/发布日期 of a label/value table in the text.</item>
/// </list>
/// </summary>
internal static partial class MetadataReader
{
    /// <summary>How many paragraphs after the first are "under the title" for a parenthesised date.</summary>
    private const int HeadParagraphs = 6;

    /// <summary>How many paragraphs from the end a signing date may stand in.</summary>
    internal const int TailParagraphs = 8;

    /// <summary>
    /// A year a policy document can be for: from the People's Republic's founding to five years ahead (plans name
    /// their target years). Anything else is a number that looks like a year.
    /// </summary>
    public static bool IsPlausibleYear(int year) => year >= 1949 && year <= DateTime.UtcNow.Year + 5;

    public static DocumentMetadata Read(IReadOnlyList<ParagraphDraft> paragraphs, string? factsTitle = null)
    {
        var text = string.Concat(paragraphs.Select(p => p.Text + "\n"));
        var (title, number) = ReadTitle(paragraphs, text, factsTitle);
        var type = title is null ? DocumentTypes.Other : ReadType(title);
        int? year = null;
        string? period = null;
        switch (type)
        {
            case DocumentTypes.AnnualPlan:
                year = MaxYear(title!);
                break;
            case DocumentTypes.WorkReport:
                var delivered = DeliveryPattern().Match(text);
                year = delivered.Success ? Plausible(ParseInt(delivered.Groups["year"].Value)) : null;
                break;
            case DocumentTypes.FiveYearPlan:
                var span = SpanPattern().Match(text);
                if (span.Success && Plausible(ParseInt(span.Groups["from"].Value)) is { } from)
                {
                    year = from;
                    period = span.Groups["from"].Value + "–" + span.Groups["to"].Value;
                }
                break;
        }
        year ??= title is null ? null : FirstYear(title);
        year ??= HeadDate(paragraphs) ?? SigningDate(paragraphs) ?? SigningDateBeforeAttachment(paragraphs);
        var (written, published) = TableDates(paragraphs);
        return new DocumentMetadata(title, year, period, type, number)
        {
            TitleYear = type == DocumentTypes.WorkReport ? null : YearAbout(title) ?? YearAbout(factsTitle),
            WrittenDate = written,
            PublishedDate = published,
        };
    }

    /// <summary>
    /// The year a title says its document is about: a year followed by a kind of document that covers one year
    /// (统计公报, 国民经济和社会发展计划, 预算, 决算, 工作要点, 工作总结, 年度报告, 年报). A plan or budget names its
    /// year and the one before (2023年计划执行情况与2024年计划草案): the latest is the document's. Null otherwise.
    /// </summary>
    internal static int? YearAbout(string? title)
    {
        if (title is null)
        {
            return null;
        }
        var match = YearAboutPattern().Match(title);
        return match.Success ? MaxYear(title[..(match.Index + match.Length)]) : null;
    }

    /// <summary>
    /// Dates of a label/value table printed at the top of the text (a 信息公开 table: <c>成文日期：|2019年01月01日</c>,
    /// as table rows or a PDF's spaced-out cells): a label ending in a colon, its value in the next cell.
    /// </summary>
    private static (DateOnly? Written, DateOnly? Published) TableDates(IReadOnlyList<ParagraphDraft> paragraphs)
    {
        DateOnly? written = null;
        DateOnly? published = null;
        foreach (var row in paragraphs.Take(HeadParagraphs * 2).Where(p => p.Kind == ParagraphKind.TableRow))
        {
            var cells = row.Text.Split('|').Select(c => DisplayTextCleaner.Squeeze(c.Trim())).ToList();
            for (var i = 0; i + 1 < cells.Count; i++)
            {
                var label = cells[i].TrimEnd('：', ':');
                if (label.Length == cells[i].Length || FullDate(cells[i + 1]) is not { } date)
                {
                    continue;
                }
                if (label == "成文日期")
                {
                    written ??= date;
                }
                else if (label == "发布日期")
                {
                    published ??= date;
                }
            }
        }
        return (written, published);
    }

    private static DateOnly? FullDate(string text)
    {
        var match = FullDatePattern().Match(text);
        if (!match.Success)
        {
            return null;
        }
        var year = ParseInt(match.Groups["year"].Value);
        var month = ParseInt(match.Groups["month"].Value);
        var day = ParseInt(match.Groups["day"].Value);
        return IsPlausibleYear(year) && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    /// <summary>
    /// A notice that issues an attached document is signed after the notice's body, before the attached
    /// document's own title, not at the end of the whole: a date standing alone (after a short signature, if any)
    /// followed, past any whole-line parenthetical such as <c>（此件公开发布）</c>, by a title heading or 附件.
    /// </summary>
    private static int? SigningDateBeforeAttachment(IReadOnlyList<ParagraphDraft> paragraphs)
    {
        for (var i = 0; i + 1 < paragraphs.Count; i++)
        {
            if (SignedYear(paragraphs[i].Text.Trim()) is not { } year)
            {
                continue;
            }
            var next = i + 1;
            while (next < paragraphs.Count && HeadingRecognizer.IsParentheticalLine(DisplayTextCleaner.Squeeze(paragraphs[next].Text)))
            {
                next++;
            }
            if (next < paragraphs.Count
                && ((paragraphs[next].Kind == ParagraphKind.Heading && paragraphs[next].HeadingLevel == 0)
                    || paragraphs[next].Text.TrimStart().StartsWith("附件", StringComparison.Ordinal)))
            {
                return year;
            }
        }
        return null;
    }

    /// <summary>The year of a file name that names exactly one plausible year as a token of its own
    /// (<c>2019年…</c>, <c>…_2019_…</c>, <c>2019-…</c>), not four digits inside a hash or a longer number.</summary>
    public static int? FileNameYear(string fileName)
    {
        var years = FileNameYearPattern().Matches(Path.GetFileNameWithoutExtension(fileName))
            .Select(m => ParseInt(m.Value))
            .Where(IsPlausibleYear)
            .Distinct()
            .ToList();
        return years.Count == 1 ? years[0] : null;
    }

    /// <summary>The year of a date, when plausible.</summary>
    public static int? Plausible(DateOnly? date) => date is { } d ? Plausible(d.Year) : null;

    private static int? Plausible(int year) => IsPlausibleYear(year) ? year : null;

    private static (string? Title, string? Number) ReadTitle(IReadOnlyList<ParagraphDraft> paragraphs, string text, string? factsTitle)
    {
        var titles = paragraphs.Where(p => p.Kind == ParagraphKind.Heading && p.HeadingLevel == 0).ToList();
        var own = titles.LastOrDefault(p => !p.IsNotice);
        var notice = titles.FirstOrDefault(p => p.IsNotice);
        // A notice's 文号 is glued to the notice title, not to the title of what it issues.
        (string? Title, string? Number)? noticeNumber = notice is null ? null : SplitNumber(notice.Text);
        if (own is not null)
        {
            var (ownTitle, ownNumber) = SplitNumber(JoinTitleStart(paragraphs, own));
            return (ownTitle, ownNumber ?? noticeNumber?.Number);
        }
        if (noticeNumber is { Title: { } noticeText } split)
        {
            var inner = NoticePattern().Match(noticeText);
            return (inner.Success ? inner.Groups["title"].Value.Trim('《', '》') : noticeText, split.Number);
        }
        return (ReadOtherTitle(paragraphs, text, factsTitle), null);
    }

    private static string? ReadOtherTitle(IReadOnlyList<ParagraphDraft> paragraphs, string text, string? factsTitle)
    {
        // A plan that names itself: prefer the 《…纲要》 over other plans it cites (the 建议 it implements).
        var named = NamedPlanPattern().Matches(text).Select(m => m.Groups["title"].Value).ToList();
        if (named.Count > 0)
        {
            return named.FirstOrDefault(t => t.EndsWith("纲要", StringComparison.Ordinal)) ?? named[0];
        }
        // The format's own title beats a guess at the first heading, which may be a chapter's.
        if (!string.IsNullOrWhiteSpace(factsTitle))
        {
            return SplitNumber(factsTitle.Trim()).Title;
        }
        return LeadName(paragraphs) ?? paragraphs.FirstOrDefault(p => p.Kind == ParagraphKind.Heading)?.Text;
    }

    /// <summary>How many paragraphs at the start may hold a document's name before its text begins.</summary>
    private const int LeadParagraphs = 3;

    /// <summary>
    /// A document's name standing alone among its first paragraphs (<see cref="HeadingRecognizer.IsDocumentNameLine"/>),
    /// as a paragraph or a one-cell table row (a table whose first rows carry its title): the title when no line is
    /// marked as one.
    /// </summary>
    private static string? LeadName(IReadOnlyList<ParagraphDraft> paragraphs) =>
        paragraphs.Take(LeadParagraphs)
            .Where(p => p.Kind is ParagraphKind.Paragraph or ParagraphKind.TableRow && !p.Text.Contains('|', StringComparison.Ordinal))
            .Select(p => p.Text.Trim())
            .FirstOrDefault(t => HeadingRecognizer.IsDocumentNameLine(DisplayTextCleaner.Squeeze(t)));

    /// <summary>
    /// A title wrapped over two lines of a text file (国务院关于促进综合保税区 / 高水平开放高质量发展的若干意见): the
    /// first line, the document's first paragraph, is short, no sentence and no name of its own, and directly above
    /// the title line, so it is the title's start.
    /// </summary>
    private static string JoinTitleStart(IReadOnlyList<ParagraphDraft> paragraphs, ParagraphDraft title)
    {
        var index = -1;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (ReferenceEquals(paragraphs[i], title))
            {
                index = i;
                break;
            }
        }
        if (index != 1)
        {
            return title.Text;
        }
        var start = paragraphs[0];
        var squeezed = DisplayTextCleaner.Squeeze(start.Text.Trim());
        return start.Kind == ParagraphKind.Paragraph
            && start.LastLine + 1 == title.FirstLine
            && squeezed.Length is >= 2 and <= 30
            && squeezed.IndexOfAny(['。', '；', '！', '？', '，', '：', ':', '、']) < 0
            && HeadingRecognizer.FormLevel(squeezed) is null
            && !HeadingRecognizer.IsDocumentNameLine(squeezed)
            && !HeadingRecognizer.IsDateLine(squeezed)
            ? start.Text.Trim() + title.Text.Trim()
            : title.Text;
    }

    /// <summary>Splits a 文号 (issuer abbreviation, bracketed year, number, 号) glued to the end of a title.</summary>
    internal static (string? Title, string? Number) SplitNumber(string? title)
    {
        if (title is null)
        {
            return (null, null);
        }
        var match = TitleNumberPattern().Match(title);
        return match.Success ? (match.Groups["title"].Value.TrimEnd(), match.Groups["number"].Value) : (title, null);
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
            if (Plausible(ParseInt(match.Groups["year"].Value)) is { } year)
            {
                max = max is null || year > max ? year : max;
            }
        }
        return max;
    }

    private static int? FirstYear(string text) =>
        YearPattern().Matches(text).Select(m => Plausible(ParseInt(m.Groups["year"].Value))).FirstOrDefault(y => y is not null);

    /// <summary>A full date in parentheses in the paragraphs just under the title: a report's or plan's date line.</summary>
    private static int? HeadDate(IReadOnlyList<ParagraphDraft> paragraphs)
    {
        foreach (var paragraph in paragraphs.Take(HeadParagraphs).Where(p => p.Text.Length <= ShortLine))
        {
            var match = ParenthesisedDatePattern().Match(paragraph.Text);
            if (match.Success && Plausible(ParseInt(match.Groups["year"].Value)) is { } year)
            {
                return year;
            }
        }
        return null;
    }

    /// <summary>
    /// A date standing alone (a paragraph of nothing else) among the last paragraphs: the signing date under a
    /// notice, in Arabic or Chinese numerals. The last one wins, as the signature closes the document.
    /// </summary>
    private static int? SigningDate(IReadOnlyList<ParagraphDraft> paragraphs)
    {
        for (var i = paragraphs.Count - 1; i >= Math.Max(0, paragraphs.Count - TailParagraphs); i--)
        {
            // The date may share its paragraph with the signature just above it (…办公室 二〇一八年七月三十一日):
            // whatever precedes it must be short and no sentence.
            if (SignedYear(paragraphs[i].Text.Trim()) is { } year)
            {
                return year;
            }
        }
        return null;
    }

    /// <summary>The year of a paragraph that is a date alone, or a short signature then a date; else null.</summary>
    private static int? SignedYear(string text)
    {
        var arabic = StandaloneDatePattern().Match(text);
        if (arabic.Success && IsSignature(text[..arabic.Index]) && Plausible(ParseInt(arabic.Groups["year"].Value)) is { } year)
        {
            return year;
        }
        var chinese = ChineseDatePattern().Match(text);
        if (chinese.Success && IsSignature(text[..chinese.Index]) && ChineseYear(chinese.Groups["year"].Value) is { } cy
            && ChineseNumber(chinese.Groups["month"].Value) is >= 1 and <= 12
            && ChineseNumber(chinese.Groups["day"].Value) is >= 1 and <= 31
            && Plausible(cy) is { } plausible)
        {
            return plausible;
        }
        return null;
    }

    /// <summary>Text before a signing date that can be a signature: short, and not a sentence.</summary>
    private static bool IsSignature(string before) =>
        before.Length <= ShortLine / 2 && before.IndexOfAny(['。', '；', '！', '？', '，']) < 0;

    /// <summary>Characters of a line that is a date line or a signature, not prose.</summary>
    private const int ShortLine = 80;

    /// <summary>A year written digit by digit in Chinese numerals (二〇一八).</summary>
    private static int? ChineseYear(string digits)
    {
        var year = 0;
        foreach (var c in digits)
        {
            var digit = ChineseDigits.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                // 零, and the circle a typist takes for 〇 (○, or a full-width O).
                digit = c is '零' or '○' or 'Ｏ' ? 0 : -1;
            }
            if (digit < 0)
            {
                return null;
            }
            year = year * 10 + digit;
        }
        return year;
    }

    /// <summary>A month or day in Chinese numerals: 七, 十, 十二, 二十, 三十一.</summary>
    private static int? ChineseNumber(string text)
    {
        var ten = text.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0)
        {
            return text.Length == 1 ? ChineseDigits.IndexOf(text[0], StringComparison.Ordinal) is var d and > 0 ? d : null : null;
        }
        var tens = ten == 0 ? 1 : ten == 1 ? ChineseDigits.IndexOf(text[0], StringComparison.Ordinal) : -1;
        var units = ten == text.Length - 1 ? 0 : ten == text.Length - 2 ? ChineseDigits.IndexOf(text[^1], StringComparison.Ordinal) : -1;
        return tens > 0 && units >= 0 ? tens * 10 + units : null;
    }

    private const string ChineseDigits = "〇一二三四五六七八九";

    private static int ParseInt(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<year>(19|20)\d{2})\s*年")]
    private static partial Regex YearPattern();

    // Every dash a converter or typist produces: —— — ─ -- －－ ～ (and runs of them), spaces anywhere.
    [GeneratedRegex(@"[—–─\-－～~]+\s*(?<year>(19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在")]
    private static partial Regex DeliveryPattern();

    [GeneratedRegex(@"(?<from>(19|20)\d{2})\s*年?\s*[—–\-－~～至到]+\s*(?<to>(19|20)\d{2})\s*年")]
    private static partial Regex SpanPattern();

    [GeneratedRegex(@"[（(]\s*(?<year>(19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^（）()]{0,40}[）)]")]
    private static partial Regex ParenthesisedDatePattern();

    [GeneratedRegex(@"(?<![0-9])(?<year>(19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")]
    private static partial Regex StandaloneDatePattern();

    [GeneratedRegex(@"(?<year>[〇零一二三四五六七八九○Ｏ]{4})\s*年\s*(?<month>[一二三四五六七八九十]{1,2})\s*月\s*(?<day>[一二三四五六七八九十]{1,3})\s*日$")]
    private static partial Regex ChineseDatePattern();

    // A four-digit 19xx/20xx token: not inside a longer number, nor glued to Latin letters (a hex hash such as
    // 313d8db390bab93c can hold "2019" between letters).
    [GeneratedRegex(@"(?<![0-9A-Za-z])(19|20)\d{2}(?![0-9A-Za-z])")]
    private static partial Regex FileNameYearPattern();

    // A title ending in a document kind, then the 文号: issuer abbreviation, bracketed year, number, 号. The title is
    // greedy so the number starts after the last kind word (…通知的通知国发〔2018〕38号 keeps both 通知).
    [GeneratedRegex(@"^(?<title>.+(?:通知|意见|决定|批复|函|办法|规定|方案|规划|纲要|报告|公告|通告|细则|条例|计划|规则|要点|决议|命令|通报|答复))\s*(?<number>[\p{IsCJKUnifiedIdeographs}A-Za-z]{1,12}\s*[〔［\[(（]\s*(?:19|20)\d{2}\s*[〕］\])）]\s*第?\s*\d{1,5}\s*号)\s*$")]
    private static partial Regex TitleNumberPattern();

    // A year, then (within the title) a kind of document that covers that one year.
    [GeneratedRegex(@"(19|20)\d{2}\s*年.*(统计公报|国民经济和社会发展(统计公报|计划|规划)|预算|决算|工作要点|工作总结|年度报告|年报)")]
    private static partial Regex YearAboutPattern();

    [GeneratedRegex(@"(?<year>(19|20)\d{2})\s*年\s*(?<month>\d{1,2})\s*月\s*(?<day>\d{1,2})\s*日")]
    private static partial Regex FullDatePattern();

    [GeneratedRegex(@"关于印发(?<title>.+?)的通知")]
    private static partial Regex NoticePattern();

    [GeneratedRegex(@"《(?<title>[^《》]*五年规划[^《》]*)》")]
    private static partial Regex NamedPlanPattern();
}
