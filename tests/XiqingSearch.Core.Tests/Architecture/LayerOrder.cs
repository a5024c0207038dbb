namespace XiqingSearch.Core.Tests.Architecture;

/// <summary>
/// The order of the folders as src/ARCHITECTURE.md declares it, in its fenced <c>layers</c> block: one layer per
/// line, the first line used by all others; a folder on a line may use folders on its own line and the lines above.
/// A folder named covers its subfolders unless they are named themselves; <c>#</c> starts a comment. Folders
/// joined by <c>+</c> are one unit: their uses of one another are a cycle not yet cut, which the document names,
/// and the cycle test sees the unit as one folder.
/// </summary>
internal sealed class LayerOrder
{
    private readonly List<(string Folder, int Layer, string Unit)> _folders = [];

    public IEnumerable<string> Folders => _folders.Select(f => f.Folder);

    public static LayerOrder Parse(string markdown)
    {
        var order = new LayerOrder();
        var inBlock = false;
        var found = false;
        var layer = 0;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.Trim();
            if (!inBlock)
            {
                if (line == "```layers")
                {
                    inBlock = found = true;
                }
                continue;
            }
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                break;
            }
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            var words = (hash >= 0 ? line[..hash] : line).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length == 0)
            {
                continue;
            }
            foreach (var word in words)
            {
                var unit = string.Join('+', word.Split('+').Select(f => f.TrimEnd('/')));
                foreach (var folder in unit.Split('+'))
                {
                    order._folders.Add((folder, layer, unit));
                }
            }
            layer++;
        }
        if (!found)
        {
            throw new FormatException("No ```layers block found.");
        }
        return order;
    }

    /// <summary>The layer of a folder: that of the longest named folder that covers it, or null when none does.</summary>
    public int? LayerOf(string folder) => Entry(folder)?.Layer;

    /// <summary>The unit a folder belongs to: the folder itself, or the <c>+</c> group that names it.</summary>
    public string UnitOf(string folder) => Entry(folder) is { } entry && entry.Unit.Contains('+', StringComparison.Ordinal) ? entry.Unit : folder;

    private (string Folder, int Layer, string Unit)? Entry(string folder)
    {
        (string, int, string)? best = null;
        var longest = -1;
        foreach (var entry in _folders)
        {
            if (entry.Folder.Length > longest && Covers(entry.Folder, folder))
            {
                (best, longest) = (entry, entry.Folder.Length);
            }
        }
        return best;
    }

    public static bool Covers(string named, string folder) =>
        folder == named || folder.StartsWith(named + "/", StringComparison.Ordinal);
}
