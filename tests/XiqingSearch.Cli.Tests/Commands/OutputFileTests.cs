namespace XiqingSearch.Cli.Tests.Commands;

/// <summary><c>xiqing search --output FILE</c>: every format written to the file as UTF-8 (CSV with a BOM), byte for
/// byte what a UTF-8 terminal would have received, with nothing on standard output.</summary>
public sealed class OutputFileTests(BuiltIndexFixture fixture) : IClassFixture<BuiltIndexFixture>
{
    private static readonly byte[] s_bom = [0xEF, 0xBB, 0xBF];

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("kwic")]
    public void Output_EveryFormat_WritesTheSameUtf8BytesToTheFile(string format)
    {
        var file = Path.Combine(fixture.Corpus.Root, $"hits-{format}.out");
        var toStdout = fixture.Corpus.Run(["search", "天开西青园", "--format", format]);
        var toFile = fixture.Corpus.Run(["search", "天开西青园", "--format", format, "--output", file]);

        Assert.Equal(0, toFile.ExitCode);
        Assert.Empty(toFile.StdoutBytes);
        var bytes = File.ReadAllBytes(file);
        // Redirected standard output has no colour either, so the two must be the same bytes; only the timing
        // figure of text and json may differ.
        Assert.Equal(Normalize(toStdout.StdoutBytes), Normalize(bytes));
        Assert.Equal(format == "csv", bytes.AsSpan().StartsWith(s_bom));
        Assert.Contains("天开西青园", new System.Text.UTF8Encoding(false, true).GetString(bytes), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(fixture.Corpus.Root, "*.tmp"));
    }

    [Fact]
    public void Output_UnwritableFolder_IsAUsageErrorNamingTheFile()
    {
        var file = Path.Combine(fixture.Corpus.Root, "no-such-folder", "hits.csv");
        var run = fixture.Corpus.Run(["search", "天开西青园", "--format", "csv", "--output", file]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(file, run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    // "tookMs": 1.23 (json) and "… in 1.2 ms" (text) are measured per run.
    private static string Normalize(byte[] bytes) => System.Text.RegularExpressions.Regex.Replace(
        new System.Text.UTF8Encoding(false, true).GetString(bytes), @"\d+(\.\d+)? ?ms|""tookMs"": [0-9.]+", "#");
}
