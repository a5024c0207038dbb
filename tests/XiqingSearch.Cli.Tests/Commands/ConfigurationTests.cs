namespace XiqingSearch.Cli.Tests.Commands;

/// <summary>
/// Locations come from flag &gt; environment &gt; xiqing.json &gt; default. Each test runs from an empty folder, so the
/// defaults (<c>seeds/</c>, <c>index/</c> there) would find nothing: a hit proves the setting was honoured.
/// </summary>
public sealed class ConfigurationTests(BuiltIndexFixture fixture) : IClassFixture<BuiltIndexFixture>, IDisposable
{
    private readonly string _elsewhere = Directory.CreateTempSubdirectory("xiqing-cli-cwd-").FullName;

    private static Dictionary<string, string?> Environment(string? seeds, string? index) => new()
    {
        ["XIQING_SEEDS"] = seeds,
        ["XIQING_INDEX"] = index,
    };

    [Fact]
    public void Search_NoSettingsInEmptyFolder_ReportsMissingSeeds()
    {
        var run = CliRunner.Run(_elsewhere, "search", "天开西青园");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("[ingest.", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public void Search_EnvironmentVariables_AreHonoured()
    {
        var run = CliRunner.Run(_elsewhere, ["search", "天开西青园"], Environment(fixture.Corpus.Seeds, fixture.Corpus.Index));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr); // the built index was found current: no rebuild
    }

    [Fact]
    public void Search_XiqingJson_IsHonoured()
    {
        File.WriteAllText(Path.Combine(_elsewhere, "xiqing.json"),
            $$"""{ "seeds": "{{fixture.Corpus.Seeds}}", "index": "{{fixture.Corpus.Index}}" }""");

        var run = CliRunner.Run(_elsewhere, "search", "天开西青园");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Search_EnvironmentOverXiqingJson_AndFlagOverEnvironment()
    {
        var bogus = Path.Combine(_elsewhere, "nowhere");
        File.WriteAllText(Path.Combine(_elsewhere, "xiqing.json"), $$"""{ "seeds": "{{bogus}}", "index": "{{bogus}}" }""");

        var environmentWins = CliRunner.Run(_elsewhere, ["search", "天开西青园"], Environment(fixture.Corpus.Seeds, fixture.Corpus.Index));
        var flagWins = CliRunner.Run(_elsewhere,
            ["search", "天开西青园", "--seeds", fixture.Corpus.Seeds, "--index", fixture.Corpus.Index], Environment(bogus, bogus));

        Assert.Equal(0, environmentWins.ExitCode);
        Assert.Equal(0, flagWins.ExitCode);
        Assert.Equal("", flagWins.Stderr);
    }

    [Fact]
    public void Search_AppSettingsXiqingSection_IsHonouredBelowXiqingJson()
    {
        // The server's appsettings.json is read by the command line too, so both open the same index.
        File.WriteAllText(Path.Combine(_elsewhere, "appsettings.json"),
            $$"""{ "Xiqing": { "Seeds": "{{fixture.Corpus.Seeds}}", "Index": "{{Path.Combine(_elsewhere, "nowhere")}}" } }""");
        File.WriteAllText(Path.Combine(_elsewhere, "xiqing.json"), $$"""{ "index": "{{fixture.Corpus.Index}}" }""");

        var run = CliRunner.Run(_elsewhere, "search", "天开西青园");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Search_BrokenXiqingJson_IsNamedWithItsLine()
    {
        File.WriteAllText(Path.Combine(_elsewhere, "xiqing.json"), "{\n  \"index\": ,\n}");

        var run = CliRunner.Run(_elsewhere, "search", "天开西青园");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("[settings.invalid]", run.Stderr);
        Assert.Contains("xiqing.json", run.Stderr);
        Assert.Contains("line 2", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    [Fact]
    public void Search_RelativeFlags_AreRelativeToCurrentDirectory()
    {
        var run = CliRunner.Run(fixture.Corpus.Root, "search", "天开西青园", "--seeds", "seeds", "--index", "./index");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
    }

    public void Dispose() => Directory.Delete(_elsewhere, recursive: true);
}
