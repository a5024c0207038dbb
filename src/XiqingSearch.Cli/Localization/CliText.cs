using System.Globalization;

namespace XiqingSearch.Cli.Localization;

/// <summary>
/// The CLI's own words in English and Chinese: one table, keyed by a stable name, each entry a composite format
/// string per language (<see cref="string.Format(IFormatProvider, string, object[])"/>, invariant numbers).
/// Invariant globalization leaves .NET's satellite resources without a culture to pick, so the table is
/// chosen by <see cref="CliLanguage"/> instead. Machine-read output (JSON, CSV column names, TSV) never uses it.
/// </summary>
internal static class CliText
{
    private static readonly Dictionary<string, (string En, string Zh)> s_table = new(StringComparer.Ordinal)
    {
        // search, text view
        ["search.counts"] = ("{0} occurrence{1} in {2} paragraph{3} of {4} document{5}", "{4} 篇文档 {2} 个段落中出现 {0} 次"),
        ["search.paragraphs"] = ("{0} paragraph{1} of {2} document{3}", "{2} 篇文档中的 {0} 个段落"),
        ["search.noChapter"] = ("(no chapter)", "（无章节）"),
        ["search.showing"] = ("Showing {0}–{1} of {2}; --offset {3} for the next page, --all for every hit.",
            "显示第 {0}–{1} 条，共 {2} 条；--offset {3} 看下一页，--all 看全部。"),
        ["search.pastLast"] = ("--offset {0} is past the last hit ({1} in all); --offset {2} shows the last page.",
            "--offset {0} 超出了最后一条（共 {1} 条）；--offset {2} 显示最后一页。"),
        ["chart.row"] = (" {0} occurrence{1} in {2} paragraph{3}", " {2} 个段落中出现 {0} 次"),
        ["chart.filteredOut"] = ("  (filtered out)", "  （已筛除）"),

        // hints
        ["hint.note"] = ("  Note: {0}", "  注意：{0}"),
        ["hint.unknownValue"] = ("  No {0} is '{1}'. Valid: {2}", "  没有名为“{1}”的 {0}。可选：{2}"),
        ["hint.without"] = ("  Without {0}: {1} paragraph{2}.", "  去掉 {0}：{1} 个段落。"),
        ["hint.theFilters"] = ("the filters", "所有筛选"),
        ["hint.nowhere"] = ("  '{0}' occurs nowhere in the documents.", "  “{0}”在文档中没有出现。"),
        ["hint.didYouMean"] = ("  Did you mean {0}? {1} occurrences in {2} paragraphs: xiqing search '{3}'",
            "  您是不是要找 {0}？{2} 个段落中出现 {1} 次：xiqing search '{3}'"),

        // compare and new-terms
        ["compare.bars"] = ("Bars: each phrase against its own busiest year; per 10,000 characters of that year's documents in brackets.",
            "条形：每个短语与它自己出现最多的一年相比；括号内为当年文档每万字出现次数。"),
        ["compare.noBars"] = ("Per 10,000 characters of that year's documents in brackets (bars need a wider terminal).",
            "括号内为当年文档每万字出现次数（终端更宽时显示条形）。"),
        ["compare.phrase"] = ("phrase", "短语"),
        ["compare.tail"] = ("total  first  last", "合计  首次  末次"),
        ["analytics.unknownYear"] = ("{0} paragraph{1} of documents of unknown year ({2}) left out.", "已略去年份未知（{2}）文档的 {0} 个段落。"),
        ["newTerms.new"] = ("New in {0} (absent from {1}):", "{0} 年新出现（{1} 均未出现）："),
        ["newTerms.noEarlier"] = ("no earlier year", "此前无年份"),
        ["newTerms.gone"] = ("Gone from {0} on (in none of {0} and later; last year and its occurrences):",
            "自 {0} 年起消失（{0} 年及以后均未出现；末次出现年份与次数）："),
        ["newTerms.none"] = ("  none", "  无"),
        ["newTerms.counts"] = ("  {0,4} occurrence{1} in {2} paragraph{3}", "  {0,4} 次，{2} 个段落"),
        ["newTerms.last"] = ("  last {0}", "  末次 {0}"),

        // stats and the index summary
        ["stats.summary"] = ("{0} documents, {1} paragraphs; index {2:0.00} MB in {3}, built {4:yyyy-MM-dd HH:mm:ss zzz}",
            "{0} 篇文档，{1} 个段落；索引 {2:0.00} MB，位于 {3}，建于 {4:yyyy-MM-dd HH:mm:ss zzz}"),
        ["stats.documents"] = ("Documents", "文档"),
        ["stats.narrow"] = ("(Where each year was read and the paragraphs by kind: a terminal of {0} columns, or --format json.)",
            "（年份从何处读出、各种类段落数：需 {0} 列宽的终端，或用 --format json。）"),
        ["stats.warnings"] = ("Warnings ({0}):", "警告（{0} 条）："),
        ["stats.perYear"] = ("Paragraphs per year", "各年段落数"),
        ["stats.topics"] = ("Topics", "主题"),
        ["column.doc"] = ("doc", "文档"),
        ["column.year"] = ("year", "年份"),
        ["column.yearSource"] = ("year source", "年份来源"),
        ["column.type"] = ("type", "类型"),
        ["column.title"] = ("title", "标题"),
        ["column.paragraphs"] = ("paragraphs", "段落"),
        ["column.byKind"] = ("by kind", "按种类"),
        ["column.topic"] = ("topic", "主题"),
        ["column.body"] = ("body", "正文"),
        ["column.headings"] = ("headings", "标题段"),
        ["column.tableRows"] = ("table rows", "表格行"),
        ["index.current"] = ("The index in {0} is current; nothing to do (--force rebuilds it).", "{0} 中的索引已是最新，无需重建（--force 可强制重建）。"),
        ["index.summary"] = ("{0} documents, {1} paragraphs, {2:0.00} MB read in {3:0.00} s ({4:0.00} MB/s); index {5:0.00} MB in {6}",
            "{0} 篇文档，{1} 个段落，读取 {2:0.00} MB，用时 {3:0.00} 秒（{4:0.00} MB/s）；索引 {5:0.00} MB，位于 {6}"),
        ["index.ocr"] = ("OCR pages: {0} recognised, {1} from the cache, {2} skipped (time limit or a tool's failure)",
            "OCR 页：识别 {0} 页，取自缓存 {1} 页，跳过 {2} 页（超时或工具出错）"),
        ["index.reanalysed"] = ("Re-analysed: {0}", "重新分析：{0}"),
        ["index.copies"] = ("Indexed once (the other files have the same text):", "只索引一次（其他文件内容相同）："),
        ["index.copy"] = ("  {0}: same text as {1}", "  {0}：与 {1} 内容相同"),
        ["index.warnings"] = ("Warnings ({0} document{1} indexed with a warning):", "警告（{0} 篇文档带警告编入索引）："),
        ["keys.added"] = ("xiqing: key added to {0}; it is shown only now. Send it as the header X-Api-Key.",
            "xiqing：密钥已加入 {0}，只在此时显示一次。请在请求头 X-Api-Key 中发送。"),

        // errors and usage
        ["usage.unknownOption"] = ("unknown option '{0}'.", "未知选项“{0}”。"),
        ["usage.unknownOptionMeant"] = ("unknown option '{0}'; did you mean '{1}'?", "未知选项“{0}”；您是不是要用“{1}”？"),
        ["usage.unknownCommand"] = ("unknown command '{0}'; the commands are {1}.", "未知命令“{0}”；可用的命令有 {1}。"),
        ["usage.unknownCommandMeant"] = ("unknown command '{0}'; did you mean '{1}'?", "未知命令“{0}”；您是不是要用“{1}”？"),
        ["usage.try"] = ("Try 'xiqing --help'.", "请运行 'xiqing --help' 查看用法。"),
        ["usage.tryVerb"] = ("Try 'xiqing {0} --help'.", "请运行 'xiqing {0} --help' 查看用法。"),
        ["error.buildIt"] = ("build it with: xiqing index --seeds {0} --index {1}", "请先建立索引：xiqing index --seeds {0} --index {1}"),
        ["error.rebuildIt"] = ("rebuild it with: xiqing index", "请重建索引：xiqing index"),
        ["error.chooseIndex"] = ("or choose another index folder with --index DIR", "或用 --index DIR 另选索引文件夹"),
        ["error.pointToSeeds"] = ("point to the documents with --seeds DIR", "请用 --seeds DIR 指定文档所在的文件夹"),
        ["error.ocrFlag"] = ("rebuild with --ocr to read it", "用 --ocr 重建即可识别"),
        ["error.noIndexThere"] = ("No index in {0} (--index names a folder in a folder that does not exist either).", "{0} 中没有索引（--index 指定的文件夹及其上级文件夹都不存在）。"),
        ["error.isFolder"] = ("{0} is a folder: analyze reads one UTF-8 text file (or - for standard input), e.g. xiqing analyze {1}",
            "{0} 是文件夹：analyze 读取一个 UTF-8 文本文件（或用 - 读取标准输入），例如 xiqing analyze {1}"),
        ["warning.lastGood"] = ("warning: the index was not rebuilt, answering from the last good index: ", "警告：索引没有重建，以上一次成功建立的索引作答："),
        ["warning.more"] = (" (and {0} more; `xiqing index` lists them)", "（另有 {0} 条；`xiqing index` 会全部列出）"),
        ["skipped.heading"] = ("Skipped {0} document{1} that could not be read (not in the index):", "跳过了 {0} 个无法读取的文档（不在索引中）："),
        ["skipped.file"] = ("{0}: {2}", "文件 {0}：{2}"),
        ["skipped.page"] = ("{0}, page {1}: {2}", "{0}，第 {1} 页：{2}"),
        ["progress.line"] = ("{0} {1}/{2} files, {3} paragraphs, {4:0.00} MB/s{5}", "{0} {1}/{2} 个文件，{3} 个段落，{4:0.00} MB/s{5}"),
        ["progress.ocr"] = ("  OCR page {0}/{1}{2} of {3}", "  OCR 识别 {3} 第 {0}/{1} 页{2}"),
        ["progress.cached"] = (" (cached)", "（来自缓存）"),
        ["progress.read"] = ("read", "读取"),
        ["progress.index"] = ("index", "索引"),
        ["progress.commit"] = ("commit", "提交"),
        ["progress.indexing"] = ("indexing {0}", "正在建立索引：{0}"),
        ["progress.missing"] = ("building the index in {0}", "正在建立索引：{0}"),
        ["progress.stale"] = ("the seeds changed; rebuilding the index in {0}", "文档有变化，正在重建索引：{0}"),
        ["progress.incompatible"] = ("the index is of another version; rebuilding it in {0}", "索引由另一版本建立，正在重建：{0}"),
        ["error.internal"] = ("internal error", "内部错误"),
    };

    /// <summary>The entry <paramref name="key"/> in the current language, formatted with invariant numbers.</summary>
    public static string Get(string key, params object?[] args)
    {
        var (en, zh) = s_table[key];
        return string.Format(CultureInfo.InvariantCulture, CliLanguage.IsChinese ? zh : en, args);
    }

    /// <summary>"s" for English plurals (Chinese has none, and its entries do not use the argument).</summary>
    public static string Plural(int count) => count == 1 ? "" : "s";

    /// <summary>Every key, for the test that both languages have every entry.</summary>
    internal static IEnumerable<KeyValuePair<string, (string En, string Zh)>> Entries => s_table;
}
