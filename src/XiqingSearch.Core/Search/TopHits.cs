namespace XiqingSearch.Core.Search;

/// <summary>
/// The first <c>count</c> matches in a total order, without sorting them all: a page of 10 out of 270,000 hits
/// costs one pass with a small heap instead of a sort of every hit. The order breaks every tie (score, then year,
/// then reading order), so the page is exactly the one a full sort gives.
/// </summary>
internal static class TopHits
{
    public static List<Match> Select(List<Match> matches, int count, Comparison<Match> order)
    {
        if (count <= 0)
        {
            return [];
        }
        if (count >= matches.Count / 4)
        {
            // Most of them: a sort is as cheap.
            var all = new List<Match>(matches);
            all.Sort(order);
            return all.Count > count ? all.GetRange(0, count) : all;
        }
        // A heap whose root is the worst of the best so far (the reversed order puts it first).
        var worstFirst = Comparer<Match>.Create((a, b) => order(b, a));
        var heap = new PriorityQueue<Match, Match>(count + 1, worstFirst);
        foreach (var match in matches)
        {
            if (heap.Count < count)
            {
                heap.Enqueue(match, match);
            }
            else if (order(match, heap.Peek()) < 0)
            {
                heap.EnqueueDequeue(match, match);
            }
        }
        var top = new List<Match>(heap.Count);
        while (heap.Count > 0)
        {
            top.Add(heap.Dequeue());
        }
        top.Reverse();
        return top;
    }
}
