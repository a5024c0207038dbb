namespace XiqingSearch.Cli.Localization;

/// <summary>
/// The CLI's own words in English and Chinese: one table, <c>cli-text.tsv</c> beside this file (built into the
/// assembly), keyed by a stable name, each entry a composite format string per language
/// (<see cref="string.Format(IFormatProvider, string, object[])"/>, invariant numbers). A translator edits the table,
/// not the code.
/// Invariant globalization leaves .NET's satellite resources without a culture to pick, so the table is
/// chosen by <see cref="CliLanguage"/> instead. Machine-read output (JSON, CSV column names, TSV) never uses it.
/// </summary>
internal static class CliText
{
    private const string TableResource = "XiqingSearch.Cli.Localization.cli-text.tsv";

    // Key, English, Chinese.
    private static readonly Dictionary<string, (string En, string Zh)> s_table =
        TextTable.Read(TableResource, 2).ToDictionary(entry => entry.Key, entry => (entry.Value[0], entry.Value[1]), StringComparer.Ordinal);

    /// <summary>The entry <paramref name="key"/> in the current language, formatted with invariant numbers.</summary>
    public static string Get(string key, params object?[] args)
    {
        var (en, zh) = s_table[key];
        return string.Format(CultureInfo.InvariantCulture, CliLanguage.IsChinese ? zh : en, args);
    }

    /// <summary>"s" for English plurals (Chinese has none, and its entries do not use the argument).</summary>
    public static string Plural(int count) => count == 1 ? "" : "s";

    /// <summary>Every key, for the test that both languages have every entry.</summary>
    internal static IEnumerable<KeyValuePair<string, (string En, string Zh)>> Entries => s_table;
}
