namespace XiqingSearch.Cli.Tests.Commands;

/// <summary><c>xiqing search</c> prints the result model's hints under the header of an empty result.</summary>
public sealed class HintOutputTests(BuiltIndexFixture fixture) : IClassFixture<BuiltIndexFixture>
{
    [Fact]
    public void Text_Typo_PrintsDidYouMeanWithCountsAndTheQueryToRun()
    {
        var run = CliRunner.Run(fixture.Corpus.Root, ["search", "天开西清园"], new Dictionary<string, string?> { ["NO_COLOR"] = "1" });
        Assert.Equal(1, run.ExitCode);
        var lines = run.Stdout.Split('\n');
        Assert.StartsWith("天开西清园: 0 occurrences", lines[0]);
        Assert.Contains(lines, l => l.Contains("Did you mean 天开西青园? 8 occurrences in 5 paragraphs: xiqing search '天开西青园'", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_UnknownTopic_NamesItWithTheValidTopics()
    {
        var run = CliRunner.Run(fixture.Corpus.Root, ["search", "发展", "--topic", "不存在"], new Dictionary<string, string?> { ["NO_COLOR"] = "1" });
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("No topic is '不存在'. Valid: ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("科技创新", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Without --topic 不存在: ", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_Typo_CarriesTheHints()
    {
        var run = CliRunner.Run(fixture.Corpus.Root, ["search", "天开西清园", "--format", "json"]);
        Assert.Contains("\"didYouMean\"", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"unmatched\"", run.Stdout, StringComparison.Ordinal);
    }
}
