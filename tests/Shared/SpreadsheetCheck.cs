using System.Diagnostics;
using System.IO.Compression;
using System.Text.RegularExpressions;

namespace XiqingSearch.Testing;

/// <summary>
/// Opens a CSV file the way a user does, in LibreOffice Calc (headless, <c>libreoffice-calc-nogui</c>), saves it
/// as an OpenDocument spreadsheet and reads back every cell: the proof that no field of an export became a formula.
/// </summary>
public static partial class SpreadsheetCheck
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Converts <paramref name="csvPath"/> with Calc and returns the formulas of its cells (empty when no cell is a
    /// formula) and the text of every cell.
    /// </summary>
    public static (IReadOnlyList<string> Formulas, IReadOnlyList<string> Texts) Open(string csvPath)
    {
        var folder = Path.Combine(Path.GetTempPath(), "xiqing-calc-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        try
        {
            var start = new ProcessStartInfo("soffice")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            // Its own profile: a user's running LibreOffice (or another test) must not take the conversion over.
            foreach (var arg in new[] { "--headless", "--norestore", $"-env:UserInstallation=file://{folder}/profile",
                "--infilter=CSV:44,34,76,1", "--convert-to", "ods", "--outdir", folder, csvPath })
            {
                start.ArgumentList.Add(arg);
            }
            using (var process = Process.Start(start)!)
            {
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(s_timeout))
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException("soffice did not convert " + csvPath);
                }
                var ods = Path.Combine(folder, Path.GetFileNameWithoutExtension(csvPath) + ".ods");
                if (!File.Exists(ods))
                {
                    throw new InvalidOperationException($"soffice wrote no spreadsheet: {stdout.Result} {stderr.Result}");
                }
            }
            using var archive = ZipFile.OpenRead(Path.Combine(folder, Path.GetFileNameWithoutExtension(csvPath) + ".ods"));
            using var reader = new StreamReader(archive.GetEntry("content.xml")!.Open());
            var xml = reader.ReadToEnd();
            var formulas = FormulaAttribute().Matches(xml).Select(m => m.Groups[1].Value).ToList();
            var texts = CellText().Matches(xml).Select(m => System.Net.WebUtility.HtmlDecode(TagPattern().Replace(m.Groups[1].Value, ""))).ToList();
            return (formulas, texts);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A LibreOffice still closing may hold its profile; the OS cleans the temp folder.
            }
        }
    }

    [GeneratedRegex("table:formula=\"([^\"]*)\"")]
    private static partial Regex FormulaAttribute();

    [GeneratedRegex("<text:p>(.*?)</text:p>", RegexOptions.Singleline)]
    private static partial Regex CellText();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
