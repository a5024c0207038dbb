using System.CommandLine;
using System.CommandLine.Completions;
using XiqingSearch.Core.Search.Analytics;

namespace XiqingSearch.Cli.Localization;

/// <summary>
/// The <c>--help</c> texts in the CLI's language. Every verb, option and argument description goes through
/// <see cref="Describe"/> with a key: <c>verb</c> for a verb (<c>keys.add</c> for a verb under a verb),
/// <c>verb.option</c> for an option without its dashes (<c>search.limit</c>), <c>verb.argument</c> for an
/// argument in lower case (<c>search.query</c>). An option every verb shares (<c>--index</c>, <c>--output</c>,
/// <c>--lang</c>, <c>--help</c>) has one entry, <c>*.option</c>, found when <c>verb.option</c> has none.
/// English stays the text written in the code; the table, <c>cli-help-zh.tsv</c> beside this file (built into the
/// assembly), holds only the Chinese.
/// </summary>
internal static class CliHelp
{
    private const string TableResource = "XiqingSearch.Cli.Localization.cli-help-zh.tsv";

    // The limits a text names ({limit.max} …), from the rules that set them, so a text never states an old number.
    private static readonly Dictionary<string, int> s_limits = new(StringComparer.Ordinal)
    {
        ["{limit.min}"] = SearchLimits.MinLimit,
        ["{limit.max}"] = SearchLimits.MaxLimit,
        ["{facetSize.default}"] = SearchLimits.DefaultFacetSize,
        ["{offset.max}"] = SearchLimits.MaxOffset,
        ["{newTerms.limit.max}"] = NewTermsRequest.MaxLimit,
        ["{context.max}"] = SearchLimits.MaxContext,
    };

    private static readonly Dictionary<string, string> s_chinese =
        TextTable.Read(TableResource, 1).ToDictionary(entry => entry.Key, entry => Text(entry.Value[0]), StringComparer.Ordinal);

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
    public static void Localise(RootCommand root) => Localise(root, "");

    // A verb's key is its path of names (keys.add); the root's own text is "xiqing", its options have bare keys.
    private static void Localise(Command command, string key)
    {
        command.Description = Describe(key.Length == 0 ? "xiqing" : key, command.Description ?? "");
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
            Localise(verb, key.Length == 0 ? verb.Name : key + "." + verb.Name);
        }
    }

    /// <summary>The keys with a Chinese text, for the tests.</summary>
    internal static IReadOnlyCollection<string> Keys => s_chinese.Keys;

    // An entry's text as shown: \n is a new line, the limits are filled in.
    private static string Text(string entry)
    {
        var text = entry.Replace("\\n", "\n", StringComparison.Ordinal);
        foreach (var (name, value) in s_limits)
        {
            text = text.Replace(name, value.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
        return text;
    }
}
