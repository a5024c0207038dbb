using System.CommandLine;
using System.CommandLine.Completions;
using XiqingSearch.Core.Search.Analytics;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Cli.Localization;

/// <summary>
/// The <c>--help</c> texts in the CLI's language. Every verb, option and argument description goes through
/// <see cref="Describe"/> with a key: <c>verb</c> for a verb (<c>keys.add</c> for a verb under a verb),
/// <c>verb.option</c> for an option without its dashes (<c>search.limit</c>), <c>verb.argument</c> for an
/// argument in lower case (<c>search.query</c>). An option every verb shares (<c>--index</c>, <c>--output</c>,
/// <c>--lang</c>, <c>--help</c>) has one entry, <c>*.option</c>, found when <c>verb.option</c> has none.
/// English stays the text written in the code; the table holds only the Chinese.
/// </summary>
internal static class CliHelp
{
    private static readonly Dictionary<string, string> s_chinese = new(StringComparer.Ordinal)
    {
        // The root and what every verb shares.
        ["xiqing"] = """
            xiqing：西青区政策文件全文检索。

            第一次搜索时会用 seeds/ 中的文档建立索引（文档有变化时自动重建）。
            位置的优先顺序：选项 > 环境变量（XIQING_SEEDS、XIQING_INDEX、XIQING_SMARTCN_JAR）> xiqing.json > seeds/、index/。
            退出码：0 成功（搜索：有结果），1 没有结果，2 用法、查询或索引错误，3 内部错误。
            """,
        ["*.lang"] = "消息、标题和提示的语言：zh 或 en（默认依次看 XIQING_LANG、LC_ALL、LC_MESSAGES、LANG；Windows 上看界面语言）。",
        ["*.help"] = "显示帮助和用法。",
        ["*.version"] = "显示版本信息。",
        ["*.seeds"] = "源文档所在的文件夹（默认：seeds/，或 XIQING_SEEDS，或 xiqing.json 中的 \"seeds\"）。",
        ["*.index"] = "索引文件夹（默认：index/，或 XIQING_INDEX，或 xiqing.json 中的 \"index\"）。",
        ["*.smartcn-jar"] = "从这个 Java Lucene SmartCn jar 读取词典（默认：XIQING_SMARTCN_JAR，否则用 Lucene.Net.Analysis.SmartCn 程序包内置的词典）。",
        ["*.ocr"] = "用 Tesseract 识别扫描页和图片（.png .jpg .tif）（默认：Xiqing:Ocr:Enabled，否则关闭）。识别出的文字会标为 OCR。",
        ["*.groups"] = "按属于这些用户组的调用者来回答（用逗号分隔；\"\" 表示匿名调用者）：catalog.json 的访问规则不让他们看到的文档不会出现在任何回答中。默认：操作员，可以看到全部文档。",
        ["*.output"] = "把结果写到这个文件（UTF-8；csv 带 BOM；无颜色），而不是标准输出，不受终端编码影响。",

        ["search"] = "搜索文档；每处出现都会高亮。",
        ["search.query"] = "查询：词语、\"精确短语\"、AND / OR / NOT、括号。",
        ["search.year"] = "只保留这些年份：2024、2021..2023 或 unknown（年份未知的文档）；可重复（任一即可）。",
        // The filters every verb that takes them shares (search, compare, new-terms).
        ["*.topic"] = "只保留这个主题；可重复（任一即可）。",
        ["*.chapter"] = "只保留标题中含有这段文字的章节下的段落，任何层级均可（同查询中的 chapter:）；可重复（任一即可）。",
        ["*.doc"] = "只保留这个文档（不带扩展名的文件名）；可重复（任一即可）。",
        ["*.kind"] = "只保留这种段落：paragraph（正文）、heading（标题）或 table-row（表格行）。",
        ["*.type"] = "只保留这种文档类型：annual-plan（年度计划）、work-report（工作报告）、five-year-plan（五年规划）或 other（其他）；可重复（任一即可）。",
        ["*.issuer"] = "只保留这个发文机关的文档（按发文机关分面中的写法）；可重复（任一即可）。",
        ["search.exclude-ocr"] = "只要精确文字：略去从扫描件识别出的段落（同查询中的 ocr:false）。",
        ["search.exact"] = "不做近似匹配：识别（OCR）出的文字也和其他文字一样，只有完全相同才算匹配。",
        ["search.sort"] = "结果顺序：relevance（相关度）、year（新的在前）、oldest（旧的在前）或 document（阅读顺序）；两种年份顺序中年份未知的都排在最后。",
        ["search.limit"] = $"每页条数（{SearchLimits.MinLimit}..{SearchLimits.MaxLimit}）；csv 和 kwic 默认输出全部结果；--all 输出全部结果。",
        ["search.all"] = "输出全部结果，不分页。",
        ["search.facet-size"] = $"每个分面显示的值数，取结果最多的那些（0：全部；默认 {SearchLimits.DefaultFacetSize}）。",
        ["search.offset"] = $"跳过的条数（0..{SearchLimits.MaxOffset}）。",
        ["search.format"] = "text（默认；终端上有颜色）、json（结果模型）、csv（每处出现一行，UTF-8 带 BOM）、kwic（每处出现一行，对齐）或 docx（全部结果写成 Word 文档，每处出现都高亮；需要 --output 或重定向）。",
        ["search.csv-header"] = "CSV 的列名：en（默认；固定不变，供程序读取）或 zh（中文，供人阅读）。",

        ["compare"] = "逐年对比短语：出现次数、段落数、文档数和每万字出现次数。",
        ["compare.phrase"] = "要对比的短语（查询）；不加引号的中文也是精确短语。",
        ["compare.file"] = "再从这个文件读取短语，每行一个（- 表示标准输入）。",
        ["compare.year"] = "只保留这些年份：2024 或 2021..2023；可重复（任一即可）。",
        ["compare.topic"] = "只保留这个主题；可重复（任一即可）。",
        ["compare.multi-year"] = "2021–2025 规划计入哪里：first-year（默认，计入第一年，与搜索相同）、own（单独一列）或 exclude（略去）。",
        ["compare.format"] = "text（默认）、json（结果模型，与 HTTP API 返回的相同）、csv（UTF-8 带 BOM）或 docx（Word 表格；写到重定向的标准输出）。",

        ["new-terms"] = "某一年新出现的词语（此前各年都没有出现），以及从这一年起消失的词语。",
        ["new-terms.year"] = "要看的年份。",
        ["new-terms.since"] = "与从这一年起的各年比较（默认：索引中最早的年份）。",
        ["new-terms.limit"] = $"每个列表的词语数（1..{NewTermsRequest.MaxLimit}）。",
        ["new-terms.multi-year"] = "2021–2025 规划计入哪里：first-year（默认，计入第一年，与搜索相同）或 exclude（略去）。",
        ["new-terms.format"] = "text（默认）、json（结果模型，与 HTTP API 返回的相同）或 csv（UTF-8 带 BOM）。",

        ["index"] = """
            用文档文件夹建立索引（进度写到标准错误，摘要写到标准输出）。
            搜索在第一次使用时也会建立索引；这个命令用于提前建好。
            """,
        ["index.force"] = "即使索引与文档一致也重建。",
        ["index.wait"] = "等待同一索引的另一次建立完成的秒数（超时则以 index.busy 退出，退出码 2）。",
        ["index.strict"] = "建立之后，只要有文件被跳过或有文档带警告（年份未知等），就以退出码 3 退出。",

        ["show"] = "显示一个段落及其上下文：章节路径、源文件和行范围，以及前后 N 个段落。",
        ["show.doc#paragraph"] = "search 输出的结果编号，例如 000_313d8db390bab93c#12；与 --all 同用时只写文档编号。",
        ["show.all"] = "整篇文档，按阅读顺序列出每个段落。",
        ["show.query"] = "高亮这个查询的每处出现。",
        ["show.context"] = $"前后各显示的段落数（0..{SearchLimits.MaxContext}）。",

        ["stats"] = "索引中有什么：文档、每篇文档和每年的段落数、主题、大小和建立时间。",
        ["stats.format"] = "text（表格）或 json（IndexStats 模型）。",

        ["analyze"] = """
            把 FILE 每一行的分词结果输出为 TSV：行号、词、起点、终点、位置
            （偏移从 0 开始，以 UTF-16 单元计，终点不含；与 Java Lucene 对照实现的输出完全相同）。
            """,
        ["analyze.file"] = "一个 UTF-8 文本文件，或用 - 表示标准输入。",
        ["analyze.analyzer"] = "分析器：{values}。",

        ["serve"] = """
            启动 HTTP 服务：搜索 API（/api/search、/api/documents、/api/facets）、搜索页面（/）和健康检查。
            其他 ASP.NET Core 设置照常传入，例如 --Xiqing:SearchCacheMegabytes=0。按 Ctrl+C 停止。
            """,
        ["serve.urls"] = "监听的地址，用 ';' 分隔（默认 http://localhost:5000）。",
        ["serve.embed-origin"] = "允许嵌入搜索的网站来源（scheme://host[:port]）：可在 iframe 中显示页面并调用 API（embed.js）；可重复。也可用 Xiqing:EmbedOrigins、XIQING_EMBED_ORIGINS=a,b（--cors-origin、Xiqing:Cors:Origins 和 Xiqing:FrameAncestors 是同一列表的旧名称）。默认：无（只有本服务自己的来源）。",
        ["serve.admin-key"] = "POST /api/admin/reindex 的密钥（请求头 X-Xiqing-Key 或 Authorization: Bearer）。也可用 Xiqing:AdminKey、XIQING_ADMIN_KEY。默认：无（管理接口关闭）。",
        ["serve.trusted-proxy"] = "服务前面的反向代理的地址（可重复）：它的 X-Forwarded-For 指明客户端，按客户端的限制对其后的每个客户端分别生效；在 --auth header 下，它的 X-Remote-User 和 X-Remote-Groups 指明调用者（来自其他地址的一律忽略）。也可用 Xiqing:Auth:TrustedProxies、XIQING_AUTH__TRUSTED_PROXIES=a,b。默认：无（连接的地址即客户端）。",
        ["serve.audit-log"] = "写审计日志：每个请求一行 JSON（谁、做什么、状态、结果数），每天一个文件（FILE-yyyy-MM-dd.ext）。也可用 Xiqing:Audit:Path、XIQING_AUDIT__PATH。默认：无（不写）。",
        ["serve.auth"] = "谁在提问：none（都是匿名）、header（受信任的反向代理在 X-Remote-User 中给出用户、在 X-Remote-Groups 中给出其用户组；见 --trusted-proxy）或 oidc。也可用 Xiqing:Auth:Mode。默认：none。",

        ["keys"] = "供集成使用的 API 密钥（请求头 X-Api-Key）。",
        ["keys.add"] = "生成一个新的 API 密钥，把它的一行追加到密钥文件，并只输出这一次密钥。",
        ["keys.add.name"] = "密钥给谁用（一个集成）；在回答和审计日志中作为调用者的用户名。",
        ["keys.add.groups"] = "密钥所属的用户组，用逗号分隔（访问规则和 Xiqing:Auth:AdminGroup 都以用户组为准）。",
        ["keys.add.file"] = "密钥文件。默认：Xiqing:Auth:ApiKeysFile（XIQING_AUTH__API_KEYS_FILE、xiqing.json、appsettings.json）。",
    };

    // The prose in the verbs' examples (comments after a command, the closing notes), by its English wording.
    private static readonly Dictionary<string, string> s_examples = new(StringComparer.Ordinal)
    {
        ["(exact text only, no scans)"] = "（只要精确文字，不要扫描件）",
        ["Exit codes: 0 hits found, 1 no hits, 2 usage or query error, 3 internal error."] = "退出码：0 有结果，1 没有结果，2 用法或查询错误，3 内部错误。",
        ["--file reads one phrase per line (UTF-8; blank lines and lines starting with # are skipped; - is stdin)."] =
            "--file 每行读一个短语（UTF-8；跳过空行和以 # 开头的行；- 表示标准输入）。",
        ["Exit codes: 0 some phrase occurs, 1 none does, 2 usage or query error, 3 internal error."] =
            "退出码：0 有短语出现，1 都没有出现，2 用法或查询错误，3 内部错误。",
        ["Exit codes: 0 terms found, 1 none, 2 usage error (a year without documents), 3 internal error."] =
            "退出码：0 找到了词语，1 没有，2 用法错误（该年没有文档），3 内部错误。",
        ["# an iframe or embed.js in the portal"] = "# 门户网站中的 iframe 或 embed.js",
        ["# then: curl"] = "# 然后：curl",
    };

    /// <summary>One line of a verb's examples in the CLI's language: the commands as they are, the prose translated.</summary>
    public static string ExampleLine(string line)
    {
        if (!CliLanguage.IsChinese)
        {
            return line;
        }
        foreach (var (english, chinese) in s_examples)
        {
            line = line.Replace(english, chinese, StringComparison.Ordinal);
        }
        return line;
    }

    /// <summary>
    /// The description of <paramref name="key"/> in the CLI's language: its Chinese text when the language is
    /// Chinese and the table has one (the key itself, else <c>*.option</c> for an option every verb shares),
    /// otherwise <paramref name="english"/>.
    /// </summary>
    public static string Describe(string key, string english)
    {
        if (!CliLanguage.IsChinese)
        {
            return english;
        }
        if (s_chinese.TryGetValue(key, out var chinese))
        {
            return chinese;
        }
        return s_chinese.TryGetValue("*." + key[(key.LastIndexOf('.') + 1)..], out var shared) ? shared : english;
    }

    /// <summary>The key of an option (<c>--facet-size</c> → <c>facet-size</c>) under <paramref name="verb"/>.</summary>
    public static string KeyOf(string verb, Symbol symbol)
    {
        var name = symbol is Option ? symbol.Name.TrimStart('-') : symbol.Name.ToLowerInvariant();
        return verb.Length == 0 ? name : verb + "." + name;
    }

    /// <summary>
    /// Passes every description under <paramref name="root"/> through <see cref="Describe"/>: the verbs, their
    /// options and arguments, and the options every verb shares (<c>--lang</c>, <c>--help</c>, <c>--version</c>).
    /// </summary>
    public static void Localise(RootCommand root)
    {
        root.Description = Describe("xiqing", root.Description ?? "");
        foreach (var option in root.Options)
        {
            option.Description = Describe(KeyOf("", option), option.Description ?? "");
        }
        foreach (var verb in root.Subcommands)
        {
            Localise(verb, verb.Name);
        }
    }

    private static void Localise(Command command, string key)
    {
        command.Description = Describe(key, command.Description ?? "");
        foreach (var option in command.Options)
        {
            option.Description = Describe(KeyOf(key, option), option.Description ?? "");
            // {values} in a text stands for the option's allowed values, which the command declares (once). Asked
            // only there: other options' completions may read the settings and the index (document ids).
            if (option.Description.Contains("{values}", StringComparison.Ordinal))
            {
                option.Description = option.Description.Replace("{values}",
                    string.Join("、", option.GetCompletions(CompletionContext.Empty).Select(c => c.Label)), StringComparison.Ordinal);
            }
        }
        foreach (var argument in command.Arguments)
        {
            argument.Description = Describe(KeyOf(key, argument), argument.Description ?? "");
        }
        foreach (var verb in command.Subcommands)
        {
            Localise(verb, key + "." + verb.Name);
        }
    }

    /// <summary>The keys with a Chinese text, for the tests.</summary>
    internal static IReadOnlyCollection<string> Keys => s_chinese.Keys;
}
