namespace XiqingSearch.Core.Indexing;

/// <summary>
/// The form a 文号 is matched in (<c>number:</c>): the same number is typed and published as
/// <c>国发〔2018〕38号</c>, <c>国发[2018]38号</c>, <c>国发（2018）38号</c> or with spaces, so brackets around the year fold
/// to 〔〕, full-width letters and digits to ASCII, and whitespace goes.
/// </summary>
internal static class DocumentNumbers
{
    public static string Key(string number)
    {
        var key = new StringBuilder(number.Length);
        foreach (var c in number.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }
            key.Append(c switch
            {
                '[' or '［' or '【' or '(' or '（' or '﹝' or '〖' => '〔',
                ']' or '］' or '】' or ')' or '）' or '﹞' or '〗' => '〕',
                _ => char.ToUpperInvariant(c),
            });
        }
        return key.ToString();
    }
}
