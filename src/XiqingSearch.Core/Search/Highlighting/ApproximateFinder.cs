namespace XiqingSearch.Core.Search.Highlighting;

/// <summary>
/// Where a phrase occurs in folded text within a few edits (a character substituted, missing or extra), as OCR
/// misreads it (天开西青园 read as 天开西青圆). The allowance follows Elasticsearch's <c>fuzziness: AUTO</c> per term:
/// none for 3 code points or fewer, one edit for 4–7, two for 8 or more. An occurrence found exactly is never also
/// reported as an approximate one: only windows that overlap no exact occurrence count.
/// </summary>
internal static class ApproximateFinder
{
    /// <summary>The edits a phrase of <paramref name="codePoints"/> code points may differ by.</summary>
    public static int AllowedEdits(int codePoints) => codePoints switch
    {
        <= 3 => 0,
        <= 7 => 1,
        _ => 2,
    };

    /// <summary>The edits allowed for <paramref name="phrase"/> (folded), by its code points.</summary>
    public static int AllowedEdits(string phrase) => AllowedEdits(CodePoints(phrase));

    /// <summary>Code points of <paramref name="text"/> (a surrogate pair counts once).</summary>
    public static int CodePoints(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])))
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>
    /// The windows <c>[start, end)</c> of <paramref name="text"/> (folded) within <paramref name="edits"/> edits of
    /// <paramref name="phrase"/> (folded) and at least one edit away (an exact occurrence is not approximate), that
    /// overlap none of <paramref name="exact"/> (folded spans of exact occurrences). Sorted, non-overlapping; of
    /// overlapping windows the one with the fewest edits is kept, then the one closest to the phrase's length.
    /// </summary>
    /// <remarks>
    /// Sellers' algorithm: the edit-distance table of the phrase against the text, with a free start anywhere in
    /// the text, one text column at a time (O(text × phrase) time, O(phrase) memory); each cell remembers where its
    /// best alignment started, so a window ending where the last row is within <paramref name="edits"/> is known
    /// whole. Paragraphs are at most a few thousand units and phrases at most 500, and only the paragraphs the
    /// bigram candidates let through are scanned.
    /// </remarks>
    public static List<(int Start, int End)> Find(string text, string phrase, int edits, IReadOnlyList<(int Start, int End)> exact)
    {
        var found = new List<(int Start, int End)>();
        var m = phrase.Length;
        if (edits <= 0 || m == 0 || text.Length == 0)
        {
            return found;
        }
        var cost = new int[m + 1];
        var start = new int[m + 1];
        for (var i = 0; i <= m; i++)
        {
            cost[i] = i;
        }
        // A run of adjacent ends within the allowance is one occurrence seen from several ends; the best end wins.
        var runBest = (Start: -1, End: -1, Cost: int.MaxValue);
        var runHasExact = false;
        void CloseRun()
        {
            if (runBest.End >= 0 && !runHasExact && !Overlaps(exact, runBest.Start, runBest.End)
                && (found.Count == 0 || found[^1].End <= runBest.Start))
            {
                found.Add((runBest.Start, runBest.End));
            }
            runBest = (-1, -1, int.MaxValue);
            runHasExact = false;
        }
        for (var j = 1; j <= text.Length; j++)
        {
            var c = text[j - 1];
            // cost/start hold column j-1; update in place, keeping the diagonal of the previous row.
            var diagonalCost = cost[0];
            var diagonalStart = start[0];
            cost[0] = 0;
            start[0] = j;
            for (var i = 1; i <= m; i++)
            {
                var upCost = cost[i];
                var upStart = start[i];
                var bestCost = diagonalCost + (phrase[i - 1] == c ? 0 : 1);
                var bestStart = diagonalStart;
                if (upCost + 1 < bestCost)
                {
                    // An extra character in the text.
                    bestCost = upCost + 1;
                    bestStart = upStart;
                }
                if (cost[i - 1] + 1 < bestCost)
                {
                    // A character of the phrase missing from the text.
                    bestCost = cost[i - 1] + 1;
                    bestStart = start[i - 1];
                }
                diagonalCost = upCost;
                diagonalStart = upStart;
                cost[i] = bestCost;
                start[i] = bestStart;
            }
            if (cost[m] <= edits)
            {
                var s = start[m];
                if (cost[m] == 0)
                {
                    runHasExact = true;
                }
                else if (s < j && (cost[m] < runBest.Cost
                    || (cost[m] == runBest.Cost && Math.Abs(j - s - m) < Math.Abs(runBest.End - runBest.Start - m))))
                {
                    runBest = (s, j, cost[m]);
                }
            }
            else
            {
                CloseRun();
            }
        }
        CloseRun();
        return found;
    }

    /// <summary>The exact occurrences of <paramref name="phrase"/> in <paramref name="text"/>, overlapping ones included.</summary>
    public static List<(int Start, int End)> Exact(string text, string phrase)
    {
        var spans = new List<(int Start, int End)>();
        if (phrase.Length == 0)
        {
            return spans;
        }
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            spans.Add((at, at + phrase.Length));
        }
        return spans;
    }

    private static bool Overlaps(IReadOnlyList<(int Start, int End)> spans, int start, int end)
    {
        foreach (var span in spans)
        {
            if (span.Start < end && start < span.End)
            {
                return true;
            }
        }
        return false;
    }
}
