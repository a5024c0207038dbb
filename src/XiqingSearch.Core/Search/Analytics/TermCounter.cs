namespace XiqingSearch.Core.Search.Analytics;

/// <summary>A paragraph text as the character field holds it, with how many paragraphs have exactly this text.</summary>
internal sealed record DistinctText(string Original, string Normalized)
{
    public int Multiplicity { get; set; }

    /// <summary>The SmartCn words of <see cref="Original"/> (start and end offsets), as the build stored them.</summary>
    public List<(int Start, int End)>? Words { get; init; }

    /// <summary>Where SmartCn words start or end, by normalised position (length + 1); null until the text is analysed.</summary>
    public bool[]? Boundaries { get; set; }
}

/// <summary>
/// What a reader needs to judge a candidate besides its counts: whether every occurrence is whole words (starts and
/// ends on a SmartCn boundary), and whether its occurrences always share the same character just before or just after
/// (then it is a piece of a longer unit: 区地块 always after 出让, 以上工业 always after 规模).
/// </summary>
internal sealed class TermShape(int count)
{
    private const char Unseen = '\0';
    private const char Varied = '\uFFFF';

    private readonly char[] _left = new char[count];
    private readonly char[] _right = new char[count];

    /// <summary>Occurrences that start or end inside a SmartCn word.</summary>
    public int[] Partial { get; } = new int[count];

    /// <summary>True when every occurrence of term <paramref name="id"/> has the same Han character before it, or the same after it.</summary>
    public bool AlwaysExtended(int id) => _left[id] is not Unseen and not Varied || _right[id] is not Unseen and not Varied;

    public void See(int id, char left, char right)
    {
        _left[id] = Merge(_left[id], left);
        _right[id] = Merge(_right[id], right);
    }

    /// <summary>
    /// The character before position <paramref name="at"/>, looking through a closing quotation mark: a term that
    /// continues a quotation (“十四五”规划目标任务) is not closed by it. Space when there is none.
    /// </summary>
    public static char Before(ReadOnlySpan<char> s, int at)
    {
        var k = at - 1;
        while (k >= 0 && s[k] is '”' or '’' or '」' or '』')
        {
            k--;
        }
        return k >= 0 ? s[k] : ' ';
    }

    /// <summary>The character at <paramref name="at"/>, looking through an opening quotation mark (专精特新“小巨人”企业).</summary>
    public static char After(ReadOnlySpan<char> s, int at)
    {
        var k = at;
        while (k < s.Length && s[k] is '“' or '‘' or '「' or '『')
        {
            k++;
        }
        return k < s.Length ? s[k] : ' ';
    }

    // A neighbour that is no Han character (punctuation, a digit, the paragraph's end) or a function word (the 上 of
    // 在…上加力提效) closes the term on that side.
    private static char Merge(char seen, char neighbour) =>
        !IsHan(neighbour) || TermCandidates.IsFunctionCharacter(neighbour) ? Varied : seen == Unseen ? neighbour : seen == neighbour ? seen : Varied;

    private static bool IsHan(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF');
}

/// <summary>
/// Counts many candidate strings in many texts in one pass per text: at every position, a hash lookup per
/// candidate length. Counts every start (overlapping ones too); they rank candidates, and the engine's own search
/// gives the counts that are reported.
/// </summary>
internal sealed class TermCounter
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int[] _lengths;

    public TermCounter(IReadOnlyList<string> terms)
    {
        Terms = terms;
        var index = new Dictionary<string, int>(terms.Count, StringComparer.Ordinal);
        for (var i = 0; i < terms.Count; i++)
        {
            index[terms[i]] = i;
        }
        _lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
        _lengths = [.. terms.Select(t => t.Length).Distinct().Order()];
    }

    public IReadOnlyList<string> Terms { get; }

    /// <summary>Occurrences and paragraphs of each term over <paramref name="texts"/>.</summary>
    public (int[] Occurrences, int[] Paragraphs) Count(IEnumerable<DistinctText> texts) => Count(texts, null);

    /// <summary>
    /// Occurrences and paragraphs of each term over <paramref name="texts"/>; with <paramref name="shape"/>, also
    /// each occurrence's word boundaries (texts with <see cref="DistinctText.Boundaries"/>) and neighbours.
    /// </summary>
    public (int[] Occurrences, int[] Paragraphs) Count(IEnumerable<DistinctText> texts, TermShape? shape)
    {
        var occurrences = new int[Terms.Count];
        var paragraphs = new int[Terms.Count];
        var seenIn = new int[Terms.Count];
        var textNumber = 0;
        foreach (var text in texts)
        {
            textNumber++;
            var s = text.Normalized.AsSpan();
            for (var p = 0; p < s.Length; p++)
            {
                foreach (var length in _lengths)
                {
                    if (p + length > s.Length)
                    {
                        break;
                    }
                    if (_lookup.TryGetValue(s.Slice(p, length), out var id))
                    {
                        occurrences[id] += text.Multiplicity;
                        if (shape is not null)
                        {
                            var bounds = text.Boundaries;
                            if (bounds is not null && (!bounds[p] || !bounds[p + length]))
                            {
                                shape.Partial[id] += text.Multiplicity;
                            }
                            shape.See(id, TermShape.Before(s, p), TermShape.After(s, p + length));
                        }
                        if (seenIn[id] != textNumber)
                        {
                            seenIn[id] = textNumber;
                            paragraphs[id] += text.Multiplicity;
                        }
                    }
                }
            }
        }
        return (occurrences, paragraphs);
    }
}
