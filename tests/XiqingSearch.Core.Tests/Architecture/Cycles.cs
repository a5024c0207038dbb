namespace XiqingSearch.Core.Tests.Architecture;

/// <summary>The circles of a folder graph, one per group of folders that all reach one another.</summary>
internal static class Cycles
{
    /// <summary>
    /// For each strongly connected group of two or more folders, one closed walk through all of them (shortest
    /// steps from each folder to the next, then back to the first), as the uses that make each step. Cutting any
    /// use of a walk does not necessarily end the group; the walk shows where to start.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<FolderEdge>> Find(FolderGraph graph)
    {
        var walks = new List<IReadOnlyList<FolderEdge>>();
        foreach (var group in StronglyConnected(graph).Where(g => g.Count > 1))
        {
            var inside = group.ToHashSet(StringComparer.Ordinal);
            var ordered = group.Order(StringComparer.Ordinal).ToList();
            var walk = new List<FolderEdge>();
            for (var i = 0; i < ordered.Count; i++)
            {
                var next = ordered[(i + 1) % ordered.Count];
                var start = walk.Count == 0 ? ordered[i] : walk[^1].To;
                if (start == next)
                {
                    continue;
                }
                walk.AddRange(ShortestPath(graph, start, next, inside));
            }
            if (walk.Count > 0 && walk[^1].To != walk[0].From)
            {
                walk.AddRange(ShortestPath(graph, walk[^1].To, walk[0].From, inside));
            }
            walks.Add(walk);
        }
        return walks;
    }

    private static List<FolderEdge> ShortestPath(FolderGraph graph, string from, string to, HashSet<string> inside)
    {
        var came = new Dictionary<string, FolderEdge>(StringComparer.Ordinal);
        var queue = new Queue<string>([from]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        while (queue.Count > 0)
        {
            var at = queue.Dequeue();
            foreach (var target in graph.Targets(at).Order(StringComparer.Ordinal))
            {
                if (!inside.Contains(target) || !seen.Add(target))
                {
                    continue;
                }
                came[target] = graph.Edge(at, target);
                if (target == to)
                {
                    var path = new List<FolderEdge>();
                    for (var step = to; step != from; step = came[step].From)
                    {
                        path.Add(came[step]);
                    }
                    path.Reverse();
                    return path;
                }
                queue.Enqueue(target);
            }
        }
        throw new InvalidOperationException($"{to} is not reachable from {from} inside its group.");
    }

    /// <summary>Tarjan's algorithm: the groups of folders that reach one another.</summary>
    private static List<List<string>> StronglyConnected(FolderGraph graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var groups = new List<List<string>>();

        void Visit(string folder)
        {
            index[folder] = low[folder] = index.Count;
            stack.Push(folder);
            onStack.Add(folder);
            foreach (var target in graph.Targets(folder).Order(StringComparer.Ordinal))
            {
                if (index.TryGetValue(target, out var reached))
                {
                    if (onStack.Contains(target))
                    {
                        low[folder] = Math.Min(low[folder], reached);
                    }
                }
                else
                {
                    Visit(target);
                    low[folder] = Math.Min(low[folder], low[target]);
                }
            }
            if (low[folder] == index[folder])
            {
                var group = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    group.Add(member);
                }
                while (member != folder);
                groups.Add(group);
            }
        }

        foreach (var folder in graph.Folders)
        {
            if (!index.ContainsKey(folder))
            {
                Visit(folder);
            }
        }
        return groups;
    }
}
