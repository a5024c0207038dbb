using System.Text.RegularExpressions;
using XiqingSearch.Core.Search.Analytics;

namespace XiqingSearch.Cli.Localization;

/// <summary>
/// Core's problems in the CLI's language. Core words each <see cref="Problem"/> in English for HTTP and logs and
/// gives its code and the values it is made of (<see cref="Problem.Arguments"/>, <c>reason</c> telling apart the
/// cases one code covers); in Chinese the CLI words it again from those, keyed by <see cref="ProblemCodes"/>.
/// Every code has an entry (a test walks <see cref="ProblemCodes"/>). Where Core's message carries a detail no
/// argument holds (an operating-system error, a parser's complaint about a file), the Chinese sentence says what
/// went wrong and keeps that detail after 详情, so nothing the English said is lost.
/// </summary>
internal static partial class ProblemText
{
    private static readonly Dictionary<string, Func<Problem, string>> s_chinese = new(StringComparer.Ordinal)
    {
        [ProblemCodes.SmartCnJarMissing] = p => "找不到 SmartCn 词典 jar 文件：请用 --smartcn-jar 或 XIQING_SMARTCN_JAR 指定一个存在的 lucene-analyzers-smartcn-*.jar，或不设置以使用内置词典。" + Detail(p),
        [ProblemCodes.SmartCnJarInvalid] = p => "SmartCn 词典无法读取：请重新还原程序包（dotnet restore），或把 smartCnJar 设置为一个完好的 lucene-analyzers-smartcn-*.jar。" + Detail(p),

        [ProblemCodes.SeedsFolderMissing] = _ => "文档文件夹不存在：请用 --seeds 指定文档所在的文件夹（或 XIQING_SEEDS，或 xiqing.json 中的 \"seeds\"），或在有 seeds/ 文件夹的目录中运行。",
        [ProblemCodes.SeedsFolderEmpty] = p => p.Message.StartsWith("Nothing", StringComparison.Ordinal)
            ? "文档文件夹中没有任何文件能够读取（跳过的文件已在上方逐一列出），因此没有建立索引。"
            : "文档文件夹中没有 *.txt、*.md、*.pdf、*.docx、*.html 或 *.htm 文件。",
        [ProblemCodes.InvalidUtf8] = p => $"文件不是 UTF-8、UTF-16、GB18030/GBK 或 Big5 编码的文本{AtByte(p)}。请另存为 UTF-8 后重建索引。",
        [ProblemCodes.EmptyFile] = _ => "文件是空的（没有文字，或只有空白）。",
        [ProblemCodes.BinaryFile] = p => $"文件看起来是二进制文件而不是文本（含控制字节{AtByte(p)}）。",
        [ProblemCodes.CatalogInvalid] = p => "目录文件 catalog.json 无效；本次建立索引不使用目录，修正后重建即可应用其中的更正。" + Detail(p),
        [ProblemCodes.NotAFile] = p => "不是普通文件，已跳过。" + Detail(p),
        [ProblemCodes.BrokenLink] = p => "符号链接指向的文件不存在（或链接循环），已跳过。" + Detail(p),
        [ProblemCodes.Unreadable] = p => "文件无法读取，已跳过。" + Detail(p),
        [ProblemCodes.NoTextLayer] = p => "文档没有文字层（扫描件或图片），需要 OCR 识别（--ocr）。" + Detail(p),
        [ProblemCodes.DocumentEncrypted] = p => "文档已加密，需要密码才能打开；请另存一份不加密的副本。" + Detail(p),
        [ProblemCodes.DocumentCorrupt] = p => "文档已损坏或不完整，无法读取。" + Detail(p),
        [ProblemCodes.UnmappedText] = p => "文档中的文字无法还原（字体缺少 Unicode 映射）；请重新打印为 PDF 或进行 OCR 识别。" + Detail(p),
        [ProblemCodes.DocumentTooLarge] = p => "文档超出读取上限，已跳过。" + Detail(p),

        [ProblemCodes.SettingsInvalid] = p => "设置无效，请修正或删除该设置。" + Detail(p),

        [ProblemCodes.IndexMissing] = p => $"{Arg(p, "index")} 中没有索引：请先用 {Arg(p, "seeds")} 中的文档建立索引。",
        [ProblemCodes.IndexIncompatible] = p => $"{Arg(p, "index")} 中的索引由另一版本建立（{Arg(p, "found")}，当前为 {Arg(p, "current")}），请重建。",
        [ProblemCodes.IndexBusy] = _ => "另一个建立索引的进程正在写入该索引；请等它完成后再试（index --wait 秒数 可以等待）。",
        [ProblemCodes.IndexReadOnly] = p => "索引文件夹只读，无法写入：请让它可写，或用 --index 另选一个文件夹。" + Detail(p),
        [ProblemCodes.IndexPathIsFile] = _ => "索引路径是一个文件而不是文件夹：请删除它，或用 --index 另选一个路径。",
        [ProblemCodes.IndexCannotCreate] = p => "无法创建索引文件夹：请让上级文件夹可写，或用 --index 另选一个路径。" + Detail(p),
        [ProblemCodes.IndexWriteFailed] = p => "写入索引失败；上一次成功建立的索引仍在使用。" + Detail(p),

        [ProblemCodes.QuerySyntax] = QuerySyntax,
        [ProblemCodes.QueryUnclosedQuote] = p => p.Arguments?.TryGetValue("quote", out var open) == true
            ? $"这个引号 {open} 没有闭合：请在短语后加上 {Arg(p, "close")}。"
            : "这个引号没有闭合：请在短语后加上 \"。",
        [ProblemCodes.QueryUnbalancedParenthesis] = p => Reason(p) == "close-without-open"
            ? "这个“)”前面没有对应的“(”。"
            : "这个“(”没有闭合：请在分组后加上“)”。",
        [ProblemCodes.QueryEmpty] = p => Reason(p) == "nothing-to-find"
            ? "查询中没有可搜索的内容（只有运算符或停用字符）。"
            : "查询为空：请输入一个短语，例如 天开西青园。",
        [ProblemCodes.QueryTooLong] = p => $"查询有 {Arg(p, "length")} 个字符，最多允许 {Arg(p, "max")} 个。",
        [ProblemCodes.QueryUnknownField] = p => $"未知字段“{Arg(p, "field")}”。可用字段：{Arg(p, "fields")}。要搜索文字中的冒号，请给短语加上引号。",
        [ProblemCodes.QueryBadRange] = p => Reason(p) == "range-field"
            ? $"范围只能用于年份（year:[2021 TO 2023]），不能用于 {Arg(p, "field")}。"
            : $"年份是四位数字（year:2024、year:[2021 TO 2023] 或 year:unknown），不是“{Arg(p, "value")}”。",
        [ProblemCodes.QueryEmptyPhrase] = p =>
        {
            var field = p.Message.Split(':', 2)[0];
            return field == "chapter"
                ? "chapter: 后面需要一个标题短语（chapter:京津冀）；空短语或单独的 * 什么也找不到。"
                : $"{field}: 后面需要要查找的内容；空短语或单独的 * 什么也找不到。";
        },
        [ProblemCodes.QueryTooManyClauses] = p => $"查询有 {Arg(p, "clauses")} 个短语和筛选条件，最多允许 {Arg(p, "max")} 个。请拆成几次搜索。",

        [ProblemCodes.SearchTimeout] = p => $"查询运行超过了 {Arg(p, "seconds")} 秒的时限，已停止；请缩小范围（更长的短语、更少的 OR、加上年份或主题筛选）。",

        [ProblemCodes.BadParameter] = BadParameter,

        [ProblemCodes.NotFound] = p => Reason(p) switch
        {
            "no-document" => $"索引中没有文档 {Arg(p, "doc")}。",
            "no-original" => $"文档 {Arg(p, "doc")} 的源文件 {Arg(p, "file")} 不在文档文件夹中。",
            "no-paragraph" => $"文档 {Arg(p, "doc")} 没有第 {Arg(p, "paragraph")} 段：它的段落是 1–{Arg(p, "last")}。",
            "no-year" => $"索引中没有 {Arg(p, "year")} 年的文档；已有的年份是 {Arg(p, "years")}。",
            _ => "没有找到。" + Detail(p),
        },
    };

    /// <summary>The codes worded in Chinese, for the test that every code has an entry.</summary>
    internal static IReadOnlyCollection<string> ChineseCodes => s_chinese.Keys;

    /// <summary><paramref name="problem"/>'s message in the CLI's language.</summary>
    public static string Message(Problem problem)
    {
        if (!CliLanguage.IsChinese || problem.Code == ProblemCodes.BadParameter && Reason(problem) is null && ContainsChinese(problem.Message))
        {
            // English, or a message the CLI already worded in its own language (CliText).
            return problem.Message;
        }
        var text = s_chinese.TryGetValue(problem.Code, out var word) ? word(problem) : "出错了。" + Detail(problem);
        return problem.Arguments?.TryGetValue("phraseNumber", out var number) == true
            ? $"第 {number} 个短语（{Arg(problem, "phrase")}）：{text}"
            : text;
    }

    /// <summary>A note Core attaches to an answer, in the CLI's language.</summary>
    public static string Note(string note)
    {
        if (!CliLanguage.IsChinese)
        {
            return note;
        }
        if (LowerCaseOperatorNote().Match(note) is { Success: true } m)
        {
            var word = m.Groups["word"].Value;
            var upper = word.ToUpperInvariant();
            return $"“{word}”被当作普通词语搜索：运算符须大写（{upper}）；要组合短语请输入 {upper}，要保留这个词请写成 \"{word}\"。";
        }
        return note;
    }

    /// <summary>Core's "waiting for another build" line (the index is busy and the build waits), in the CLI's language.</summary>
    public static string Waiting(string message) =>
        CliLanguage.IsChinese && WaitingForBuild().Match(message) is { Success: true } m
            ? $"正在等待 {m.Groups["folder"].Value} 的另一次索引建立完成"
            : message;

    /// <summary>How the multi-year documents were counted (Core's <c>MultiYearNote</c>), in the CLI's language.</summary>
    public static string MultiYearNote(string note, MultiYearMode mode) => !CliLanguage.IsChinese ? note : mode switch
    {
        MultiYearMode.Own => "多年规划（五年规划）作为单独的一列显示。",
        MultiYearMode.Exclude => "已略去多年规划（五年规划）。",
        _ => "多年规划（五年规划）计入其第一年。",
    };

    /// <summary>A skipped file's reason, led by what its code means in the CLI's language.</summary>
    public static string SkipReason(string code, string reason) =>
        !CliLanguage.IsChinese ? reason : Message(new Problem(code, reason));

    private static string QuerySyntax(Problem p) => Reason(p) switch
    {
        "only-exclusions" => "查询至少需要一个要查找的短语；NOT 和 - 只用来排除（例如 西青 -天开）。",
        "unreadable" => "查询在这里有一个无法解析的字符。",
        "not-valid" => "查询在这里无效。",
        "ends-early" => "查询结束得太早：最后一个运算符后面缺少内容。",
        "cannot-stand-here" => $"“{Arg(p, "token")}”不能出现在这里。" + TokenHint(Arg(p, "token")),
        "bad-kind" => $"kind 只能是 paragraph、heading 或 table-row，不是“{Arg(p, "value")}”。",
        "bad-ocr" => $"ocr 只能是 true（扫描识别的文字）或 false（仅精确文字），不是“{Arg(p, "value")}”。",
        "proximity" => "不支持邻近搜索（\"…\"~N）：引号中的短语总是精确匹配（忽略空白）。",
        "unsupported" => $"{Feature(Arg(p, "feature"))}不能用于 {Arg(p, "field")}；短语本来就会匹配文中任何位置。",
        _ => "查询语法错误。" + Detail(p),
    };

    private static string TokenHint(string token) => token switch
    {
        "AND" or "OR" or "NOT" or "&&" or "||" => "运算符两边都需要短语；要搜索这个词本身，请加上引号。",
        ":" => "冒号前面应是字段名（year:2024）。",
        _ => "",
    };

    private static string Feature(string feature) => feature switch
    {
        "wildcard" => "通配符",
        "regexp" => "正则表达式",
        "prefix" => "末尾的 *",
        _ => "模糊匹配（~）",
    };

    private static string BadParameter(Problem p)
    {
        var subject = Subject(p.Parameter);
        return Reason(p) switch
        {
            "required" when p.Parameter == RequestParameter.Query && p.Message.Contains("compare", StringComparison.Ordinal) =>
                "请至少给出一个要对比的短语。",
            "required" => $"{subject}不能为空。",
            "out-of-range" => $"{subject}必须在 {Arg(p, "min")} 到 {Arg(p, "max")} 之间，不能是 {Arg(p, "value")}。",
            "too-many-values" when p.Parameter == RequestParameter.Query => $"给出了 {Arg(p, "count")} 个短语；一次最多对比 {Arg(p, "max")} 个。",
            "too-many-values" => $"{subject}最多 {Arg(p, "max")} 个值，不能是 {Arg(p, "count")} 个。",
            "too-long" => $"{subject}最多 {Arg(p, "max")} 个字符，不能是 {Arg(p, "length")} 个。",
            "unknown-value" when p.Parameter == RequestParameter.MultiYear && Arg(p, "value") == "own" =>
                "新词比较的是年份，所以多年规划要么计入其第一年（first-year），要么略去（exclude）；own 只用于对比短语。",
            "unknown-value" => $"{subject}只能是 {Arg(p, "allowed")}，不能是“{Arg(p, "value")}”。",
            "bad-year" => $"年份是四位数字（{Arg(p, "min")}..{Arg(p, "max")}）、年份范围（2021..2023）或 unknown，不是“{Arg(p, "value")}”。",
            "since-after-year" => $"比较的起始年份（{Arg(p, "since")}）不能晚于所看的年份（{Arg(p, "year")}）。",
            "phrase-list-unreadable" => "无法读取短语列表。" + Detail(p),
            "cannot-write" => $"无法写入 {Arg(p, "path")}。" + Detail(p),
            "unknown-analyzer" => $"未知分析器“{Arg(p, "value")}”；可用的有 {Arg(p, "allowed")}。",
            "bad-hit-id" => "应为 DOC#段落号，例如 000_313d8db390bab93c#12。",
            "bad-paragraph-number" => "“#”后面的段落号必须是从 1 开始的整数。",
            "docx-needs-file" => "--format docx 写出 Word 文件：请给出 --output 文件.docx（或把标准输出重定向到文件）；不会写到终端。",
            _ => "参数值无效。" + Detail(p),
        };
    }

    /// <summary>How a Chinese message names a parameter (the CLI puts the option's own name in front as well).</summary>
    private static string Subject(RequestParameter? parameter) => parameter switch
    {
        RequestParameter.Query => "查询",
        RequestParameter.Limit => "每页条数",
        RequestParameter.Offset => "跳过的条数",
        RequestParameter.Sort => "排序方式",
        RequestParameter.Year => "年份筛选",
        RequestParameter.Topic => "主题筛选",
        RequestParameter.Chapter => "章节筛选",
        RequestParameter.Heading => "标题筛选",
        RequestParameter.Doc => "文档筛选",
        RequestParameter.Kind => "段落类型",
        RequestParameter.Type => "文档类型",
        RequestParameter.Context => "前后段落数",
        RequestParameter.FacetSize => "每个分面的值数",
        RequestParameter.Paragraph => "段落号",
        RequestParameter.Since => "比较的起始年份",
        RequestParameter.MultiYear => "多年规划的计法",
        RequestParameter.Format => "格式",
        RequestParameter.Output => "输出文件",
        // A facet's filter without words of its own here is named by the facet's label (发文机关 → 发文机关筛选).
        { } facet when FacetDeclarations.Of(facet) is { } declared => declared.Label + "筛选",
        _ => "该值",
    };

    private static string? Reason(Problem p) => p.Arguments?.GetValueOrDefault("reason");

    private static string Arg(Problem p, string name) => p.Arguments?.GetValueOrDefault(name) ?? "?";

    /// <summary>Core's English message, kept after the Chinese sentence when it holds a detail no argument does.</summary>
    private static string Detail(Problem p) => string.IsNullOrWhiteSpace(p.Message) ? "" : $"（详情：{p.Message}）";

    private static string AtByte(Problem p) =>
        p.ByteOffset is { } offset ? string.Create(CultureInfo.InvariantCulture, $"：第一处无法读取的字节在偏移 {offset}") : "";

    private static bool ContainsChinese(string text) => text.Any(c => c is >= '\u4E00' and <= '\u9FFF');

    [GeneratedRegex("^waiting for another build of (?<folder>.+) to finish$")]
    private static partial Regex WaitingForBuild();

    [GeneratedRegex("^'(?<word>and|or|not)' was searched as a word")]
    private static partial Regex LowerCaseOperatorNote();
}
