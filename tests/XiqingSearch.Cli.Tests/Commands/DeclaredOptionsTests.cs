using System.CommandLine;
using XiqingSearch.Cli.Commands;
using XiqingSearch.Cli.Localization;
using XiqingSearch.Cli.Tests.Localization;
using XiqingSearch.Core.Search.Model;

namespace XiqingSearch.Cli.Tests.Commands;

/// <summary>
/// The search-only flags are made from Core's declarations (<see cref="RequestDeclarations"/>) and keep the names,
/// texts, defaults and checks they had when <c>SearchCommand</c> wrote them by hand.
/// </summary>
[Collection(LanguageStateCollection.Name)]
public sealed class DeclaredOptionsTests
{
    public static TheoryData<string, string> SearchFlags() => new()
    {
        { "--exclude-ocr", "Keep only exact text: leave out paragraphs recognised from scans (as ocr:false in the query)." },
        { "--exact", "No approximate matching: recognised (OCR) text matches a phrase only exactly, as other text does." },
        { "--all", "Every hit, no page limit." },
        { "--format", "text (default; colour on a terminal), json (the result model), csv (one row per occurrence, UTF-8 with BOM), kwic (one aligned line per occurrence) or docx (every hit as a Word document, every occurrence highlighted; needs --output or a redirect)." },
        { "--csv-header", "CSV column names: en (default; stable, for programs) or zh (Chinese, for people)." },
    };

    [Theory]
    [MemberData(nameof(SearchFlags))]
    public void Create_SearchFlag_KeepsItsNameAndEnglishText(string flag, string english)
    {
        var option = SearchOption(flag);

        Assert.Equal(english, option.Description);
    }

    [Theory]
    [InlineData("--format", "text", "xml")]
    [InlineData("--csv-header", "en", "fr")]
    public void Parse_RenderingChoice_DefaultsAndRefusesOtherValues(string flag, string fallback, string other)
    {
        var search = SearchCommand();
        var option = (Option<string>)OptionOf(search, flag);

        Assert.Equal(fallback, search.Parse(["西青"]).GetValue(option));
        var given = search.Parse(["西青", flag, Allowed(flag)[^1]]);
        Assert.Empty(given.Errors);
        Assert.Equal(Allowed(flag)[^1], given.GetValue(option));
        Assert.NotEmpty(search.Parse(["西青", flag, other]).Errors);
    }

    [Theory]
    [InlineData("--exclude-ocr")]
    [InlineData("--exact")]
    [InlineData("--all")]
    public void Parse_Switch_IsTrueOnlyWhenGiven(string flag)
    {
        var search = SearchCommand();
        var option = (Option<bool>)OptionOf(search, flag);

        Assert.False(search.Parse(["西青"]).GetValue(option));
        Assert.True(search.Parse(["西青", flag]).GetValue(option));
    }

    [Fact]
    public void Create_LangZh_SearchFlagsHaveTheirChineseTexts()
    {
        CliLanguage.Set(chinese: true);
        try
        {
            Assert.Equal(CliHelp.Describe("search.exclude-ocr", ""), SearchOption("--exclude-ocr").Description);
            Assert.StartsWith("只要精确文字", SearchOption("--exclude-ocr").Description, StringComparison.Ordinal);
            Assert.StartsWith("CSV 的列名", SearchOption("--csv-header").Description, StringComparison.Ordinal);
        }
        finally
        {
            CliLanguage.Set(chinese: false);
        }
    }

    private static IReadOnlyList<string> Allowed(string flag) =>
        flag == "--format" ? RequestDeclarations.Format.Allowed : RequestDeclarations.CsvHeader.Allowed;

    private static Command SearchCommand() => Program.CreateRootCommand().Subcommands.Single(c => c.Name == "search");

    private static Option SearchOption(string flag) => OptionOf(SearchCommand(), flag);

    // The option of this very command: a parse result answers only for the options of the command it parsed.
    private static Option OptionOf(Command command, string flag) => command.Options.Single(o => o.Name == flag);
}
