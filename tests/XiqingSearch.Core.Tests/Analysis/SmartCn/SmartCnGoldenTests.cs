using System.Text;
using XiqingSearch.Core.Analysis;
using XiqingSearch.Core.Export;

namespace XiqingSearch.Core.Tests.Analysis.SmartCn;

/// <summary>
/// The port against the Java oracle (bleve's "versus" idea): every golden input is analysed through
/// <see cref="TokenTable.Write"/> and every row is compared with the table recorded from Java Lucene 8.8's
/// SmartChineseAnalyzer (Analysis/Golden/regenerate.sh).
/// </summary>
public sealed class SmartCnGoldenTests
{
    private static readonly string s_goldenFolder = Path.Combine(AppContext.BaseDirectory, "Analysis", "Golden");

    [Theory]
    [InlineData("seed-000_313d8db390bab93c")]
    [InlineData("seed-001_f16b77e1b112afd0")]
    [InlineData("seed-002_f55b3c4a284a3151")]
    [InlineData("seed-003_7844a359d923be1e")]
    [InlineData("seed-004_e4f3d8be122b771a")]
    [InlineData("edge-cases")]
    [InlineData("fuzz")]
    public void Write_GoldenInput_MatchesJavaOracleRowByRow(string name)
    {
        var expected = File.ReadAllText(Path.Combine(s_goldenFolder, name + ".smartcn.tsv"), new UTF8Encoding(false, true))
            .Split('\n');
        var actual = Analyze(Input(name)).Split('\n');

        var agreeing = 0;
        var differences = new List<string>();
        for (var i = 0; i < Math.Max(expected.Length, actual.Length); i++)
        {
            var e = i < expected.Length ? expected[i] : "<missing>";
            var a = i < actual.Length ? actual[i] : "<missing>";
            if (e == a)
            {
                agreeing++;
            }
            else if (differences.Count < 5)
            {
                differences.Add($"row {i + 1}: expected '{Visible(e)}' actual '{Visible(a)}'");
            }
        }
        Assert.True(differences.Count == 0,
            $"{name}: {agreeing} of {expected.Length} rows agree; first differences:\n" + string.Join('\n', differences));
    }

    [Fact]
    public void Write_GoldenInputs_AreByteExact()
    {
        // .gitattributes (* -text) must keep CR and control units; edge-cases.txt mixes LF, CR LF and CR.
        var bytes = File.ReadAllBytes(Path.Combine(s_goldenFolder, "edge-cases.txt"));
        Assert.Contains((byte)'\r', bytes);
        Assert.Contains((byte)0x0B, bytes);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
    }

    /// <summary>Seeds are read from the repository's seeds/ (never edited); the other inputs live beside their tables.</summary>
    private static string Input(string name) => name.StartsWith("seed-", StringComparison.Ordinal)
        ? Path.Combine(Testing.RepositoryRoot.Seeds, name["seed-".Length..] + ".txt")
        : Path.Combine(s_goldenFolder, name + ".txt");

    private static string Analyze(string inputPath)
    {
        // No BOM detection here: TokenTable itself must drop the BOM, as the oracle does.
        using var input = new StreamReader(inputPath, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: false);
        using var output = new StringWriter();
        TokenTable.Write(TestDictionary.Analyzer(), input, output);
        return output.ToString();
    }

    private static string Visible(string row) => row.Replace("\t", "\\t");
}
