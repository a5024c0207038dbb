namespace XiqingSearch.Cli.Localization;

/// <summary>
/// Reads one of the CLI's text tables built into the assembly (<c>cli-text.tsv</c>, <c>cli-help-zh.tsv</c>): one
/// entry a line, a key then its texts, separated by tabs, spaces kept as written; blank lines and lines starting
/// with <c>#</c> are skipped. A translator edits the table, not the code.
/// </summary>
internal static class TextTable
{
    /// <summary>
    /// The entries of <paramref name="resource"/>, by key, each with its <paramref name="texts"/> texts. A missing
    /// table, a line of another shape or a key given twice is a fault of the build, named with its line.
    /// </summary>
    public static Dictionary<string, string[]> Read(string resource, int texts)
    {
        using var stream = typeof(TextTable).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The text table {resource} is not in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var fields = line.Split('\t');
            if (fields.Length != texts + 1 || !table.TryAdd(fields[0], fields[1..]))
            {
                throw new InvalidDataException($"{resource}, line {number}: not a new key and {texts} text(s), separated by tabs.");
            }
        }
        return table;
    }
}
