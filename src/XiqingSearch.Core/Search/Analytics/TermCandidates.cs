using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using XiqingSearch.Core.Analysis.Bigrams;

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
    private const string FunctionWords = "的和与及等在是了为对将把并以于着从向按由其之或而到也又再更都要不上中下个这各该有";

    // Numerals, units and date words: a candidate made only of these is a number, date or amount (三年, 第一, 十四五).
    private const string NumberCharacters = "〇零一二三四五六七八九十百千万亿两双半年月日号元个余多第期次届季度章节条款项";

    /// <summary>Adds the candidates of <paramref name="original"/> to <paramref name="into"/> (value: true for a single SmartCn word).</summary>
    public static void Extract(Analyzer smartCn, string original, Dictionary<string, bool> into)
    {
        var tokens = Tokens(smartCn, original);
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
                    // A dictionary word; the same text as a run of words is a word too.
                    lookup[text] = true;
                }
                else if (!startsInsideName && !IsFunctionWord(original, tokens[i]) && !IsFunctionWord(original, tokens[j]) && !IsInsideRun(original, tokens, j, j + 1))
                {
                    lookup.TryAdd(text, false);
                }
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

    private static List<(int Start, int End)> Tokens(Analyzer smartCn, string original)
    {
        var tokens = new List<(int Start, int End)>();
        var stream = smartCn.GetTokenStream(Indexing.FieldNames.Text, original);
        try
        {
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                if (offset.EndOffset > offset.StartOffset && offset.EndOffset <= original.Length)
                {
                    tokens.Add((offset.StartOffset, offset.EndOffset));
                }
            }
            stream.End();
        }
        finally
        {
            stream.Dispose();
        }
        return tokens;
    }
}
