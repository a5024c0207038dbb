
namespace XiqingSearch.Core.Ingestion.Ocr;

/// <summary>One recognised line: its words joined, its box in pixels and its words' mean confidence.</summary>
/// <param name="Page">1-based page of the image (a multi-page TIFF has several).</param>
/// <param name="Block">Tesseract's block number on the page.</param>
/// <param name="Paragraph">Tesseract's paragraph number in the block.</param>
/// <param name="Text">The words, spaced only between Latin letters or digits.</param>
/// <param name="Left">Left edge of the line's first word.</param>
/// <param name="Top">Top edge of the line's box.</param>
/// <param name="Right">Right edge of the line's last word.</param>
/// <param name="Bottom">Bottom edge of the line's box.</param>
/// <param name="Confidence">Mean of its words' confidence, 0..1.</param>
/// <param name="Words">How many words it has.</param>
internal sealed record OcrLine(int Page, int Block, int Paragraph, string Text, int Left, int Top, int Right, int Bottom,
    double Confidence, int Words)
{
    public int Height => Bottom - Top;
}

/// <summary>
/// Reads Tesseract's TSV output (<c>level page_num block_num par_num line_num word_num left top width height conf
/// text</c>; level 5 rows are words) into lines. Tesseract puts a space between every two "words", and in Chinese a
/// word is often one ideograph: those spaces are removed, and only a space between two Latin letters or digits
/// stays (<c>5G AI</c>). ASCII punctuation it reads next to an ideograph becomes the full-width form the page
/// prints (<c>,</c> → <c>，</c>).
/// </summary>
internal static class TesseractTsv
{
    /// <summary>The lines of <paramref name="tsv"/> in the order Tesseract wrote them (its reading order).</summary>
    public static List<OcrLine> Parse(string tsv)
    {
        var lines = new List<OcrLine>();
        (int Page, int Block, int Par, int Line)? key = null;
        var words = new List<(string Text, int Left, int Top, int Right, int Bottom, double Conf)>();
        foreach (var row in tsv.Split('\n'))
        {
            var cells = row.TrimEnd('\r').Split('\t');
            if (cells.Length < 12 || cells[0] != "5")
            {
                continue;
            }
            if (!TryInts(cells, out var n))
            {
                continue;
            }
            var text = cells[11].Trim();
            if (text.Length == 0)
            {
                continue;
            }
            var confidence = double.TryParse(cells[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var c) ? c : -1;
            var wordKey = (n[1], n[2], n[3], n[4]);
            if (key != wordKey)
            {
                Flush(key, words, lines);
                key = wordKey;
            }
            words.Add((text, n[6], n[7], n[6] + n[8], n[7] + n[9], confidence));
        }
        Flush(key, words, lines);
        return lines;
    }

    private static bool TryInts(string[] cells, out int[] values)
    {
        values = new int[10];
        for (var i = 0; i < 10; i++)
        {
            if (!int.TryParse(cells[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out values[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static void Flush((int Page, int Block, int Par, int Line)? key,
        List<(string Text, int Left, int Top, int Right, int Bottom, double Conf)> words, List<OcrLine> lines)
    {
        if (key is not { } k || words.Count == 0)
        {
            words.Clear();
            return;
        }
        var text = new StringBuilder();
        foreach (var word in words)
        {
            if (text.Length > 0 && IsLatin(text[^1]) && IsLatin(word.Text[0]))
            {
                text.Append(' ');
            }
            text.Append(word.Text);
        }
        var scored = words.Where(w => w.Conf >= 0).ToList();
        var confidence = scored.Count > 0 ? scored.Average(w => w.Conf) / 100.0 : 0;
        lines.Add(new OcrLine(k.Page, k.Block, k.Par, FullWidthPunctuation(text.ToString()),
            words.Min(w => w.Left), words.Min(w => w.Top), words.Max(w => w.Right), words.Max(w => w.Bottom),
            Math.Clamp(confidence, 0, 1), words.Count));
        words.Clear();
    }

    /// <summary>A letter or digit of a script written with spaces between words.</summary>
    internal static bool IsLatin(char c) => char.IsAsciiLetterOrDigit(c) || (char.IsLetterOrDigit(c) && c < '\u2E80');

    /// <summary>An ideograph or a CJK/full-width punctuation mark.</summary>
    internal static bool IsCjk(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF'
        or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '\u2014' or '\u2026';

    private static string FullWidthPunctuation(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var wide = chars[i] switch
            {
                ',' => '，',
                ';' => '；',
                ':' => '：',
                '?' => '？',
                '!' => '！',
                '(' => '（',
                ')' => '）',
                _ => '\0',
            };
            // Only beside an ideograph: "3.5" and "a, b" keep their ASCII.
            if (wide != '\0' && ((i > 0 && IsCjk(chars[i - 1])) || (i + 1 < chars.Length && IsCjk(chars[i + 1]))))
            {
                chars[i] = wide;
            }
        }
        return new string(chars);
    }
}
