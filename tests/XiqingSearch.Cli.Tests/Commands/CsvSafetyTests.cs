using System.Text;
using XiqingSearch.Cli.Rendering;
using XiqingSearch.Testing;

namespace XiqingSearch.Cli.Tests.Commands;

/// <summary>
/// CSV written by <c>xiqing search --format csv</c> is safe to open: a field a spreadsheet would run as a formula
/// (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR) is written with a leading apostrophe, checked by
/// opening the file in LibreOffice Calc.
/// </summary>
public sealed class CsvSafetyTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "xiqing-csv-safety-" + Guid.NewGuid().ToString("N")[..12]);

    public CsvSafetyTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "seeds"));
        // Each paragraph starts with what a spreadsheet takes for a formula; the text left of the match is the
        // CSV's "left" cell, so every one of them starts a cell.
        File.WriteAllText(Path.Combine(_root, "seeds", "hostile.txt"),
            "西青区2024年国民经济和社会发展规划\n\n=1+1 注入样例甲。\n\n+2+3 注入样例乙。\n\n-4+5 注入样例丙。\n\n@SUM(1,2) 注入样例丁。\n\n=HYPERLINK(\"http://example.invalid\",\"x\") 注入样例戊。\n",
            new UTF8Encoding(false));
    }

    [Fact]
    public void Defuse_FormulaStarts_GetApostrophe()
    {
        Assert.Equal("'=1+1", CsvRenderer.Quote("=1+1"));
        Assert.Equal("'+1", CsvRenderer.Quote("+1"));
        Assert.Equal("'-1", CsvRenderer.Quote("-1"));
        Assert.Equal("'@A1", CsvRenderer.Quote("@A1"));
        Assert.Equal("'\tx", CsvRenderer.Quote("\tx"));
        Assert.Equal("\"'\rx\"", CsvRenderer.Quote("\rx"));
        Assert.Equal("\"'=A1,B1\"", CsvRenderer.Quote("=A1,B1"));
        Assert.Equal("发展", CsvRenderer.Quote("发展"));
        Assert.Equal("2024", CsvRenderer.Quote("2024"));
    }

    [Fact]
    public void SearchCsv_FormulaLikeText_OpensInCalcWithoutFormulas()
    {
        var index = CliRunner.Run(_root, ["index"]);
        Assert.True(index.ExitCode == 0, index.ToString());
        var file = Path.Combine(_root, "export.csv");

        var run = CliRunner.Run(_root, ["search", "注入样例", "--format", "csv", "--output", file]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var (formulas, texts) = SpreadsheetCheck.Open(file);
        Assert.Empty(formulas);
        // The cells show what the documents say, as text.
        foreach (var start in new[] { "=1+1", "+2+3", "-4+5", "@SUM(1,2)", "=HYPERLINK(" })
        {
            Assert.Contains(texts, t => t.Contains(start, StringComparison.Ordinal));
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A process that outlived its test may still hold a file; the OS cleans the temp folder.
        }
    }
}
