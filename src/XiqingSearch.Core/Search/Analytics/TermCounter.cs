namespace XiqingSearch.Core.Search.Analytics;

/// <summary>A paragraph text as the character field holds it, with how many paragraphs have exactly this text.</summary>
internal sealed record DistinctText(string Original, string Normalized)
{
    public int Multiplicity { get; set; }
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
    public (int[] Occurrences, int[] Paragraphs) Count(IEnumerable<DistinctText> texts)
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
