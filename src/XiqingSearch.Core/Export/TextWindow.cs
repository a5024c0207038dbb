namespace XiqingSearch.Core.Export;

/// <summary>
/// Context windows around a match that never split a surrogate pair, with line breaks flattened: the CSV export's
/// before and after columns and the command line's keyword-in-context lines cut their text the same way.
/// </summary>
public static class TextWindow
{
    /// <summary>Up to <paramref name="chars"/> characters ending at <paramref name="end"/>.</summary>
    public static string Before(string text, int end, int chars)
    {
        var start = Math.Max(0, end - chars);
        if (start > 0 && char.IsLowSurrogate(text[start]))
        {
            start++;
        }
        return Flatten(text[start..end]);
    }

    /// <summary>Up to <paramref name="chars"/> characters starting at <paramref name="start"/>.</summary>
    public static string After(string text, int start, int chars)
    {
        var end = Math.Min(text.Length, start + chars);
        if (end < text.Length && end > start && char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }
        return Flatten(text[start..end]);
    }

    /// <summary>Tabs and line breaks as spaces, so a window stays on one line.</summary>
    public static string Flatten(string text) =>
        text.AsSpan().IndexOfAny("\t\r\n") < 0 ? text : text.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
