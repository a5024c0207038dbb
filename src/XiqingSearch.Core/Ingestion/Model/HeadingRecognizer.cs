using System.Text.RegularExpressions;

namespace XiqingSearch.Core.Ingestion.Model;

/// <summary>
/// Recognises headings by their form, never by markdown <c>#</c> count, and classifies the other line forms the
/// splitter treats specially (dates, parentheticals, signatures, figure captions, run-in leads).
/// All methods take the line with whitespace removed (<see cref="DisplayTextCleaner.Squeeze"/>) unless named otherwise.
/// </summary>
internal static partial class HeadingRecognizer
{
    /// <summary>Level marker for a markdown heading of no known form: one below the current heading.</summary>
    public const int Nested = -1;

    /// <summary>Longest heading, in characters without whitespace; a longer line is body text.</summary>
    public const int MaxHeadingLength = 60;

    /// <summary>
    /// The heading <paramref name="squeezed"/> is, or null. <paramref name="isMarkup"/>: the format marked it as a
    /// heading; <paramref name="inFrontMatter"/>: no level-1 heading has been seen yet, so titles are possible.
    /// </summary>
    public static HeadingMatch? Recognize(string squeezed, bool isMarkup, bool inFrontMatter)
    {
        if (squeezed.Length == 0)
        {
            return null;
        }
        var formLevel = FormLevel(squeezed);
        var isBox = formLevel == 3;
        if (isMarkup)
        {
            if (formLevel is int level)
            {
                return new HeadingMatch(level, IsBox: isBox);
            }
            return inFrontMatter ? new HeadingMatch(0, IsNotice: IsNoticeTitle(squeezed)) : new HeadingMatch(Nested);
        }
        if (formLevel is int formed)
        {
            // "（一）天津南站科技商务区。依托……" is a list item with a run-in lead, not a heading.
            return HasHeadingShape(squeezed) ? new HeadingMatch(formed, IsBox: isBox) : null;
        }
        if (!inFrontMatter)
        {
            return null;
        }
        if (IsNoticeTitle(squeezed))
        {
            return new HeadingMatch(0, IsNotice: true);
        }
        return TitlePattern().IsMatch(squeezed) ? new HeadingMatch(0) : null;
    }

    /// <summary>The level the form of <paramref name="squeezed"/> gives, or null when it has no heading form.</summary>
    public static int? FormLevel(string squeezed)
    {
        if (ChapterPattern().IsMatch(squeezed) || ChineseNumberPattern().IsMatch(squeezed))
        {
            return 1;
        }
        if (SectionPattern().IsMatch(squeezed) || ParenthesisedNumberPattern().IsMatch(squeezed))
        {
            return 2;
        }
        return BoxPattern().IsMatch(squeezed) ? 3 : null;
    }

    /// <summary>Short, and no sentence end except possibly a final one on a very short line.</summary>
    public static bool HasHeadingShape(string squeezed)
    {
        if (squeezed.Length > MaxHeadingLength)
        {
            return false;
        }
        var end = squeezed.IndexOfAny(['。', '！', '？', '；']);
        return end < 0 || (end == squeezed.Length - 1 && squeezed.Length <= 30);
    }

    /// <summary><c>天津市西青区人民政府关于印发……的通知</c>, possibly only its first line.</summary>
    public static bool IsNoticeTitle(string squeezed) =>
        squeezed.Length <= 100 && squeezed.Contains("关于印发", StringComparison.Ordinal) && !squeezed.Contains('。');

    /// <summary>The last line of a notice title split over lines (<c>政府工作报告的通知</c>).</summary>
    public static bool IsNoticeTitleEnd(string squeezed) =>
        squeezed.Length <= 40 && squeezed.EndsWith("通知", StringComparison.Ordinal) && !PunctuationPattern().IsMatch(squeezed);

    /// <summary>
    /// A short line with no punctuation that could continue a heading wrapped onto a second line
    /// (<c>现代化新城的新征程</c>).
    /// </summary>
    public static bool IsHeadingContinuation(string heading, string next) =>
        heading.Length >= 16
        && next.Length is > 0 and <= 20
        && !PunctuationPattern().IsMatch(next)
        && !PunctuationPattern().IsMatch(heading[^1].ToString())
        && FormLevel(next) is null
        && !IsDocumentNumber(next);

    /// <summary>A document number, 文号, on its own line under a title: <c>国发〔2018〕38号</c>,
    /// <c>津西青政发[2024]1号</c>. It is not part of the title.</summary>
    public static bool IsDocumentNumber(string squeezed) => DocumentNumberPattern().IsMatch(squeezed);

    /// <summary>A date on its own line: <c>2024年1月18日</c>.</summary>
    /// <summary>
    /// A short line that names a document (<c>赦免法</c>, <c>…职位表</c>, <c>…考试大纲</c>): at most 60 characters, no
    /// sentence or clause punctuation, no list numbering, ending in a document-kind word. At a document's very start
    /// such a line is its title even when nothing else marks it as one.
    /// </summary>
    public static bool IsDocumentNameLine(string squeezed) =>
        squeezed.Length is >= 2 and <= 60
        && squeezed.IndexOfAny(['。', '；', '！', '？', '，', '：', ':']) < 0
        && FormLevel(squeezed) is null
        && DocumentKindEndPattern().IsMatch(squeezed);

    public static bool IsDateLine(string squeezed) => DatePattern().IsMatch(squeezed);

    /// <summary>A line that is one parenthetical: <c>（此件主动公开）</c>.</summary>
    public static bool IsParentheticalLine(string squeezed) => ParentheticalPattern().IsMatch(squeezed);

    /// <summary>A figure caption: <c>图1 西青区……</c>.</summary>
    public static bool IsFigureCaption(string squeezed) =>
        squeezed.Length <= 40 && FigurePattern().IsMatch(squeezed) && !squeezed.Contains('。');

    /// <summary>A speaker's line in the front matter, "西青区区长 殷学武" (takes the trimmed line, spaces kept).</summary>
    public static bool IsSignatureLine(string trimmed) => SignaturePattern().IsMatch(trimmed);

    /// <summary>A body paragraph opening with a short run-in lead sentence: <c>引导街镇特色化发展。</c>.</summary>
    public static bool StartsWithRunInLead(string squeezed) => RunInLeadPattern().IsMatch(squeezed);

    /// <summary>A line that ends a paragraph: a sentence end (。！？, then closing quotes/brackets) or a colon.</summary>
    public static bool EndsParagraph(string squeezed) => ParagraphEndPattern().IsMatch(squeezed);

    [GeneratedRegex(@"^第[一二三四五六七八九十百零〇两\d]+章")]
    private static partial Regex ChapterPattern();

    [GeneratedRegex(@"^第[一二三四五六七八九十百零〇两\d]+节")]
    private static partial Regex SectionPattern();

    [GeneratedRegex(@"^[一二三四五六七八九十]+、")]
    private static partial Regex ChineseNumberPattern();

    [GeneratedRegex(@"^[（(][一二三四五六七八九十]+[）)]")]
    private static partial Regex ParenthesisedNumberPattern();

    [GeneratedRegex(@"^专栏(\d+|[一二三四五六七八九十]+|[：:])")]
    private static partial Regex BoxPattern();

    [GeneratedRegex(@"^(?!——)[^，。；：！？、,;:!?]{4,60}(报告|规划|纲要|计划|方案|意见|决定|办法|通知|要点|公报)$")]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"[，。；：！？、,;:!?（）()“”]")]
    private static partial Regex PunctuationPattern();

    [GeneratedRegex(@"^[\u4E00-\u9FFF]{1,16}[〔\[［【(（]\d{4}[〕\]］】)）]第?\d{1,5}号$")]
    private static partial Regex DocumentNumberPattern();

    [GeneratedRegex(@"^\d{4}年\d{1,2}月\d{1,2}日$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^（[^（）]+）$")]
    private static partial Regex ParentheticalPattern();

    [GeneratedRegex(@"^图\d+")]
    private static partial Regex FigurePattern();

    [GeneratedRegex(@"^[\u4E00-\u9FFF]{2,12}[ \t\u3000]+[\u4E00-\u9FFF]{2,4}$")]
    private static partial Regex SignaturePattern();

    [GeneratedRegex(@"^[^，。、；：！？（）《》“”\s]{2,20}。")]
    private static partial Regex RunInLeadPattern();

    [GeneratedRegex(@"([。！？!?][”’」』）)》】""']*|[：:])$")]
    private static partial Regex ParagraphEndPattern();

    // The words a document's name ends in, optionally closed by a bracketed note (…职位表（第二批）).
    [GeneratedRegex(@"(法|条例|办法|规定|规则|细则|通知|意见|方案|计划|规划|报告|公报|纲要|名单|名录|职位表|一览表|汇总表|大纲|决定|决议|批复|函|公告|通告|要点|总结|指南|目录|清单)(（[^（）]{1,20}）)?$")]
    private static partial Regex DocumentKindEndPattern();
}
