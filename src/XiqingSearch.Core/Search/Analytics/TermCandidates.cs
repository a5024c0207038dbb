using Lucene.Net.Analysis;
using XiqingSearch.Core.Analysis.Bigrams;
using SmartCn = XiqingSearch.Core.Analysis.SmartCn;

namespace XiqingSearch.Core.Search.Analytics;

/// <summary>
/// The strings new-terms considers: SmartCn words of two or more characters, and runs of up to
/// <see cref="MaxWords"/> adjacent SmartCn words (the longer names and policy terms SmartCn cuts into pieces,
/// such as 天开/西青/园). A run is cut from the paragraph's own text, so it is a character n-gram that starts and
/// ends on a word boundary; it never begins or ends with a one-character word glued to another one-character word
/// or a number (a piece of a name SmartCn split, such as 平 of 习/近/平, or the 年 of 2024年), and never has a
/// function word (的, 和, 在 …) at either end.
/// Every candidate is in the character field's normalised form, so it is exactly a phrase search would match.
/// Numbers, dates and amounts are not terms: a candidate must be all Han characters and not only numerals and units.
/// </summary>
internal static class TermCandidates
{
    /// <summary>Most SmartCn words in one run.</summary>
    public const int MaxWords = 8;

    /// <summary>Longest candidate, in characters.</summary>
    public const int MaxLength = 20;

    // One-character words that glue phrases together rather than name anything.
    private const string FunctionWords = "的和与及等在是了为对将把并以于着从向按由其之或而到也又再更都要不上中下个这各该有被让使给比占较";

    /// <summary>
    /// Words that open or close a clause rather than name something: verbs of action, adverbs of manner and degree,
    /// quantities and comparisons, as policy prose writes them before or after what it names (深入开展…, 吸引更多…,
    /// …分别达到). A run that begins or ends with one is a piece of a sentence, not a term; inside a run they are fine.
    /// </summary>
    private static readonly HashSet<string> ClauseWords = new(StringComparer.Ordinal)
    {
        "进一步", "不断", "持续", "继续", "全面", "积极", "着力", "全力", "大力", "努力", "主动", "扎实", "深入", "稳步",
        "更加", "更多", "加快", "加强", "加大", "扩大", "提升", "提高", "推进", "推动", "促进", "实现", "完成", "开展",
        "实施", "落实", "强化", "深化", "优化", "完善", "支持", "鼓励", "引导", "带动", "吸引", "坚持", "围绕", "统筹",
        "确保", "做好", "抓好", "打造", "培育", "组织", "开拓", "认定", "成为", "提供", "保持", "达到", "超过", "累计",
        "分别", "同比", "环比", "增长", "新增", "启动", "重点", "有效", "依法", "进行", "在于",
        // Verbs that open a clause as 启动 does (开通运营: opening a line to traffic; 传承发展: carry on and develop).
        "开通", "传承",
        // An evaluation closes a clause (…“两个确立”的决定性意义, 具有重大意义); the phrase before it is no name.
        "意义",
        // Determiners: what follows them is the term (各类技能培训 is 技能培训).
        "各类", "各项", "各种", "一批", "一系列", "相关", "有关", "部分", "所有", "全部",
    };

    /// <summary>Single dictionary words at least this frequent in SmartCn's general corpus are ordinary words of the language (意义, 依然), not new terms.</summary>
    public const int CommonWordFrequency = 250;

    /// <summary>
    /// A run made only of words at least this frequent in SmartCn's general corpus is a free combination of everyday
    /// words (外资企业, 利用外资, 腐败问题, 品牌建设: 外资 902, 企业 15366, 利用 2621, 腐败 908, 问题 12847, 品牌 432),
    /// which a reader takes for prose, not for a new term; one less common word in it (三中全会 276, 更新 312, 低收入 39) or a word SmartCn
    /// does not know (专精特新, 以旧换新) makes it a name. Higher than <see cref="CommonWordFrequency"/>: that one
    /// judges a word alone, this one a sequence in which every word is ordinary.
    /// </summary>
    public const int OrdinaryWordFrequency = 400;

    // Numerals, units and date words: a candidate made only of these is a number, date or amount (三年, 第一, 十四五).
    private const string NumberCharacters = "〇零一二三四五六七八九十百千万亿两双半年月日号元个余多第期次届季度章节条款项";

    /// <summary>Adds the candidates of <paramref name="original"/> to <paramref name="into"/> (value: true for a single SmartCn word).</summary>
    public static void Extract(Analyzer smartCn, string original, Dictionary<string, bool> into) =>
        Extract(smartCn, original, into, null);

    /// <summary>
    /// As <see cref="Extract(Analyzer, string, Dictionary{string, bool})"/>, and marks in
    /// <paramref name="boundaries"/> (one flag per position of the normalised text, its length + 1) every place a
    /// SmartCn word starts or ends: an occurrence of a candidate is a whole-word occurrence when both its ends are marked.
    /// </summary>
    public static void Extract(Analyzer smartCn, string original, Dictionary<string, bool> into, bool[]? boundaries) =>
        Extract(smartCn, original, into, boundaries, null);

    /// <summary>
    /// As <see cref="Extract(Analyzer, string, Dictionary{string, bool}, bool[])"/>, and adds to
    /// <paramref name="parts"/> the words (two or more characters) each run is made of.
    /// </summary>
    public static void Extract(Analyzer smartCn, string original, Dictionary<string, bool> into, bool[]? boundaries,
        Dictionary<string, string[]>? parts) => Extract(smartCn, original, into, boundaries, parts, null);

    /// <summary>
    /// As <see cref="Extract(Analyzer, string, Dictionary{string, bool}, bool[], Dictionary{string, string[]})"/>,
    /// with the text's SmartCn words already known (<paramref name="words"/>, as the build stored them; null: analysed here).
    /// </summary>
    public static void Extract(Analyzer smartCn, string original, Dictionary<string, bool> into, bool[]? boundaries,
        Dictionary<string, string[]>? parts, List<(int Start, int End)>? words)
    {
        var tokens = words ?? Tokens(smartCn, original);
        var dictionary = (smartCn as SmartCn.SmartCnAnalyzer)?.Dictionary;
        if (boundaries is not null)
        {
            MarkBoundaries(original, tokens, boundaries);
        }
        // Most runs repeat ones already seen: look them up as spans and allocate only new strings.
        var lookup = into.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[MaxLength + 1];
        for (var i = 0; i < tokens.Count; i++)
        {
            var startsInsideName = IsInsideRun(original, tokens, i, i - 1);
            for (var j = i; j < tokens.Count && j < i + MaxWords; j++)
            {
                if (j > i && !Adjacent(original, tokens[j - 1].End, tokens[j].Start))
                {
                    break;
                }
                if (j - 1 > i && IsJoiner(original, tokens, j - 1))
                {
                    // 科技创新和产业, 发展上加力提效: two phrases joined, not one term.
                    break;
                }
                var length = Normalize(original.AsSpan(tokens[i].Start, tokens[j].End - tokens[i].Start), buffer);
                if (length > MaxLength)
                {
                    break;
                }
                var text = buffer[..length];
                if (length < 2 || !IsTermLike(text))
                {
                    continue;
                }
                if (j == i)
                {
                    // A dictionary word; the same text as a run of words is a word too. A common word is no term.
                    if ((dictionary is null || dictionary.Core.Freq(text) < CommonWordFrequency) && !IsFollowedBySplitName(original, tokens, i))
                    {
                        lookup[text] = true;
                    }
                }
                else if (!startsInsideName && !IsFunctionWord(original, tokens[i]) && !IsFunctionWord(original, tokens[j]) && !IsInsideRun(original, tokens, j, j + 1)
                    && !IsClauseWord(original, tokens[i]) && !IsClauseWord(original, tokens[j]) && !IsCount(original, tokens[i])
                    && !IsFreeCombination(original, tokens, i, j, dictionary))
                {
                    if (lookup.TryAdd(text, false) && parts is not null)
                    {
                        parts[text.ToString()] = [.. tokens[i..(j + 1)]
                            .Where(t => t.End - t.Start >= 2)
                            .Select(t => MatchFolding.Normalize(original.AsSpan(t.Start, t.End - t.Start)))];
                    }
                }
            }
        }
    }

    /// <summary>Marks each token's start and end in normalised positions (ignorable characters are not counted).</summary>
    internal static void MarkBoundaries(string original, List<(int Start, int End)> tokens, bool[] boundaries)
    {
        // Normalised position of each original offset: folding drops ignorable characters and keeps the rest one for one.
        var position = new int[original.Length + 1];
        var n = 0;
        for (var k = 0; k < original.Length; k++)
        {
            position[k] = n;
            if (!MatchFolding.IsIgnorable(original[k]))
            {
                n++;
            }
        }
        position[original.Length] = n;
        foreach (var (start, end) in tokens)
        {
            var a = position[start];
            var b = position[end];
            if (a < boundaries.Length && b < boundaries.Length)
            {
                boundaries[a] = true;
                boundaries[b] = true;
            }
        }
    }

    /// <summary>
    /// Normalises into <paramref name="buffer"/> as <see cref="MatchFolding.Normalize(ReadOnlySpan{char})"/>
    /// does; returns the length, or <c>buffer.Length</c> when the text is longer than the buffer.
    /// </summary>
    private static int Normalize(ReadOnlySpan<char> text, Span<char> buffer)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (MatchFolding.IsIgnorable(c))
            {
                continue;
            }
            if (n == buffer.Length)
            {
                return n;
            }
            buffer[n++] = MatchFolding.Fold(c);
        }
        return n;
    }

    /// <summary>All Han characters, and not only numerals and units.</summary>
    public static bool IsTermLike(ReadOnlySpan<char> text)
    {
        var numeric = true;
        foreach (var c in text)
        {
            if (!IsHan(c))
            {
                return false;
            }
            if (!NumberCharacters.Contains(c))
            {
                numeric = false;
            }
        }
        return !numeric;
    }

    /// <summary>
    /// True when one-character word <paramref name="at"/> is glued to its neighbour <paramref name="neighbour"/>
    /// that is itself one character or a number: then it is a piece of something SmartCn split (习/近/平, the 年 of
    /// 2024年), and a run should not begin or end there.
    /// </summary>
    private static bool IsInsideRun(string original, List<(int Start, int End)> tokens, int at, int neighbour)
    {
        if (tokens[at].End - tokens[at].Start != 1 || neighbour < 0 || neighbour >= tokens.Count)
        {
            return false;
        }
        var (first, second) = neighbour < at ? (tokens[neighbour], tokens[at]) : (tokens[at], tokens[neighbour]);
        if (!Adjacent(original, first.End, second.Start))
        {
            return false;
        }
        var other = tokens[neighbour];
        return other.End - other.Start == 1 || original.AsSpan(other.Start, other.End - other.Start).ContainsAnyInRange('0', '9');
    }

    private static bool IsHan(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF');

    /// <summary>A word of numerals and units only (二期, 三年): a run that starts with one counts or phases what was named before it (…二期项目).</summary>
    private static bool IsCount(string original, (int Start, int End) token)
    {
        if (token.End - token.Start < 2)
        {
            // One numeral opens an abbreviation (三新, 三公), not a count.
            return false;
        }
        foreach (var c in original.AsSpan(token.Start, token.End - token.Start))
        {
            if (!NumberCharacters.Contains(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A one-character function word between two words of two or more characters joins two phrases (A和B, A上B).</summary>
    private static bool IsJoiner(string original, List<(int Start, int End)> tokens, int k) =>
        k > 0 && k + 1 < tokens.Count && IsFunctionWord(original, tokens[k])
        && tokens[k - 1].End - tokens[k - 1].Start >= 2 && tokens[k + 1].End - tokens[k + 1].Start >= 2;

    /// <summary>
    /// True for a particle or localiser that ends the phrase before it or starts the one after (的, 和, 上 …): a
    /// neighbour that closes a term (在…上加力提效), unlike 要 of 重要讲话精神.
    /// </summary>
    public static bool IsFunctionCharacter(char c) => "的和与及在上中下了着之或".Contains(c);

    /// <summary>How common <paramref name="word"/> is in SmartCn's general corpus (0 when the analyzer has no dictionary or the word is not in it).</summary>
    public static int GeneralFrequency(Analyzer smartCn, string word) =>
        (smartCn as SmartCn.SmartCnAnalyzer)?.Dictionary.Core.Freq(word) ?? 0;

    /// <summary>True when every word of the run <paramref name="first"/>..<paramref name="last"/> is a word of two or more characters at least <see cref="OrdinaryWordFrequency"/> frequent.</summary>
    private static bool IsFreeCombination(string original, List<(int Start, int End)> tokens, int first, int last, SmartCn.SmartCnDictionary? dictionary)
    {
        if (dictionary is null)
        {
            return false;
        }
        for (var k = first; k <= last; k++)
        {
            var word = original.AsSpan(tokens[k].Start, tokens[k].End - tokens[k].Start);
            if (word.Length < 2 || dictionary.Core.Freq(word) < OrdinaryWordFrequency)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// True when word <paramref name="at"/> is followed by two one-character words glued together (大城/细/管,
    /// 大城/智/管): SmartCn split a name it does not know, and the word is its first piece there, not a word of its own.
    /// </summary>
    private static bool IsFollowedBySplitName(string original, List<(int Start, int End)> tokens, int at)
    {
        if (at + 2 >= tokens.Count || !Adjacent(original, tokens[at].End, tokens[at + 1].Start)
            || !Adjacent(original, tokens[at + 1].End, tokens[at + 2].Start))
        {
            return false;
        }
        for (var k = at + 1; k <= at + 2; k++)
        {
            if (tokens[k].End - tokens[k].Start != 1 || !IsHan(original[tokens[k].Start]) || FunctionWords.Contains(original[tokens[k].Start]))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsClauseWord(string original, (int Start, int End) token) =>
        ClauseWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(original.AsSpan(token.Start, token.End - token.Start));

    private static bool IsFunctionWord(string original, (int Start, int End) token) =>
        token.End - token.Start == 1 && FunctionWords.Contains(original[token.Start]);

    /// <summary>Two words are adjacent when nothing but ignorable characters (whitespace) lies between them.</summary>
    private static bool Adjacent(string original, int end, int start)
    {
        for (var k = end; k < start; k++)
        {
            if (!MatchFolding.IsIgnorable(original[k]))
            {
                return false;
            }
        }
        return start >= end;
    }

    internal static List<(int Start, int End)> Tokens(Analyzer smartCn, string original) => Indexing.ParagraphDigest.Words(smartCn, original);
}
