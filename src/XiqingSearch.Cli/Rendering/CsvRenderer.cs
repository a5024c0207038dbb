using XiqingSearch.Core.Export;

namespace XiqingSearch.Cli.Rendering;

/// <summary>
/// <c>--format csv</c>: <see cref="OccurrenceCsv"/>, the same bytes as <c>GET /api/search?format=csv</c>: a UTF-8
/// byte order mark, a header row and one RFC 4180 row per occurrence.
/// </summary>
internal static class CsvRenderer
{
    /// <summary>The column names, in order.</summary>
    public static IReadOnlyList<string> Columns => OccurrenceCsv.Columns;

    /// <summary>Column names for people (<c>--csv-header zh</c>); the default names stay stable for machines.</summary>
    public static readonly IReadOnlyDictionary<string, string> ChineseNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["doc"] = "文档",
        ["year"] = "年份",
        ["title"] = "标题",
        ["chapter"] = "章节",
        ["topic"] = "主题",
        ["paragraph"] = "段落",
        ["left"] = "前文",
        ["match"] = "匹配",
        ["right"] = "后文",
        ["kind"] = "类型",
        ["first_line"] = "起始行",
        ["last_line"] = "结束行",
        ["first_page"] = "起始页",
        ["last_page"] = "结束页",
        ["id"] = "编号",
        ["number"] = "文号",
        ["issuer"] = "发文机关",
        ["written_date"] = "成文日期",
        ["published_date"] = "发布日期",
        ["source_url"] = "来源网址",
        ["phrase"] = "短语",
        ["period"] = "时期",
        ["occurrences"] = "出现次数",
        ["paragraphs"] = "段落数",
        ["documents"] = "文档数",
        ["per10k"] = "每万字",
        ["total"] = "合计",
        ["first_year"] = "首次年份",
        ["last_year"] = "末次年份",
        ["list"] = "列表",
        ["term"] = "词语",
    };

    /// <summary>Writes the BOM, the header and the rows. The writer must encode UTF-8.</summary>
    public static void Write(SearchResponse response, TextWriter output) => OccurrenceCsv.Write(response, output);

    /// <summary>As <see cref="Write(SearchResponse, TextWriter)"/>, the header in Chinese when <paramref name="chineseHeader"/>.</summary>
    public static void Write(SearchResponse response, TextWriter output, bool chineseHeader)
    {
        ArgumentNullException.ThrowIfNull(response);
        Write(response.Hits, output, chineseHeader);
    }

    /// <summary>
    /// As <see cref="Write(SearchResponse, TextWriter, bool)"/> for hits made a batch at a time (an export): each is
    /// written before the next is read, so the CSV's size does not grow the process.
    /// </summary>
    public static void Write(IEnumerable<SearchHit> hits, TextWriter output, bool chineseHeader)
    {
        if (!chineseHeader)
        {
            OccurrenceCsv.Write(hits, output);
            return;
        }
        output.Write('\uFEFF');
        var first = true;
        foreach (var record in OccurrenceCsv.Records(hits))
        {
            WriteRecord(output, first ? Header(record, true) : record);
            first = false;
        }
        output.Flush();
    }

    /// <summary>The header row: the stable names, or their Chinese names for people.</summary>
    public static IReadOnlyList<string> Header(IReadOnlyList<string> columns, bool chinese) =>
        chinese ? [.. columns.Select(c => ChineseNames.TryGetValue(c, out var name) ? name : c)] : columns;

    /// <summary>One RFC 4180 row of any table the CLI writes as CSV.</summary>
    public static void WriteRecord(TextWriter output, IReadOnlyList<string> fields) => OccurrenceCsv.WriteRecord(output, fields);

    /// <summary>The field as RFC 4180 wants it.</summary>
    public static string Quote(string field) => OccurrenceCsv.Quote(field);
}
