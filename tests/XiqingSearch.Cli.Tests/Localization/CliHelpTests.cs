using System.CommandLine;
using System.Text.RegularExpressions;
using XiqingSearch.Cli.Localization;

namespace XiqingSearch.Cli.Tests.Localization;

/// <summary>
/// Defect 9: every <c>--help</c> text was English. Each verb, option and argument description goes through
/// <see cref="CliHelp.Describe"/>, which has a Chinese text for each.
/// </summary>
public sealed partial class CliHelpTests
{
    /// <summary>Every verb, as typed after <c>xiqing</c> (the root too).</summary>
    public static TheoryData<string> Verbs() =>
        ["", "search", "compare", "new-terms", "index", "show", "stats", "analyze", "serve", "keys", "keys add"];

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Help_LangZh_NoEnglishDescriptionSentence(string verb)
    {
        var run = CliRunner.Run(TempCorpus.RepositoryRoot, [.. Words(verb), "--help", "--lang", "zh"]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("说明：", run.Stdout, StringComparison.Ordinal);
        // No English sentence anywhere: its small words would show (option names, values and commands have none).
        Assert.DoesNotMatch(EnglishSentence(), run.Stdout);
        // Each option and argument line has its Chinese description (its row holds Chinese after the name).
        foreach (var line in run.StdoutLines.Where(l => OptionRow().IsMatch(l)))
        {
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", line);
        }
        Assert.Contains(run.StdoutLines, l => l is "选项：");
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Help_LangEn_StaysEnglish(string verb)
    {
        var run = CliRunner.Run(TempCorpus.RepositoryRoot, [.. Words(verb), "--help", "--lang", "en"]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Description:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains(run.StdoutLines, l => l is "Options:");
        Assert.Matches(EnglishSentence(), run.Stdout);
        Assert.Contains("Show help and usage information", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("显示帮助和用法", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_EveryVerbOptionAndArgument_HasAChineseEntry()
    {
        var missing = new List<string>();
        var root = Program.CreateRootCommand();
        foreach (var option in root.Options)
        {
            Check(CliHelp.KeyOf("", option));
        }
        foreach (var verb in root.Subcommands)
        {
            Walk(verb, verb.Name);
        }
        Assert.Empty(missing);

        void Walk(Command command, string key)
        {
            Check(key);
            foreach (var symbol in command.Options.Cast<Symbol>().Concat(command.Arguments))
            {
                Check(CliHelp.KeyOf(key, symbol));
            }
            foreach (var sub in command.Subcommands)
            {
                Walk(sub, key + "." + sub.Name);
            }
        }

        void Check(string key)
        {
            var bare = "*." + key[(key.LastIndexOf('.') + 1)..];
            if (!CliHelp.Keys.Contains(key) && !CliHelp.Keys.Contains(bare))
            {
                missing.Add(key);
            }
        }
    }

    private static string[] Words(string verb) => verb.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    // English prose is held together by small words no option name, value or example command uses.
    [GeneratedRegex(@"\b(the|of|to|and|with|for|from|this|that|is|are|each|every|when|or|its)\b")]
    private static partial Regex EnglishSentence();

    // "  --year <Y>   description", "  -o, --output <FILE>  …", "  <QUERY>  …": a row of the options or arguments.
    [GeneratedRegex(@"^  (-|<)")]
    private static partial Regex OptionRow();
}
