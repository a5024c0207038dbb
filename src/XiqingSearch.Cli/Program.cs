using System.CommandLine;
using System.CommandLine.Invocation;
using XiqingSearch.Cli.Commands;
using XiqingSearch.Cli.Rendering;

namespace XiqingSearch.Cli;

/// <summary>The <c>xiqing</c> command line: parses, configures, renders; every search rule lives in Core.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        StartupProfile.Start(args);
        if (args.Length == 0 || args[0] != ServeCommand.Name)
        {
            // Opening an index makes Lucene.Net build regular expressions with RegexOptions.Compiled, which emits
            // them and compiles them at full optimisation: a one-shot command pays that and never earns it back.
            // Without dynamic code they are interpreted, with the same matches. The long-running `serve` keeps
            // dynamic code (System.Text.Json and ASP.NET Core use it per request). Set before anything reads it.
            AppContext.SetSwitch("System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported", false);
        }
        // UTF-8 without a BOM and \n line ends on every platform; CSV writes its own BOM.
        Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        Console.InputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        Console.Out.NewLine = "\n";
        Console.Error.NewLine = "\n";
        return Run(args);
    }

    /// <summary>Parses and runs; usage errors exit 2 as grep's do.</summary>
    public static int Run(string[] args)
    {
        CliLanguage.Initialise(args);
        var root = CreateRootCommand();
        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            // System.CommandLine would print the whole help and exit 1, which our contract reserves for "no hits".
            foreach (var message in UsageErrors.Messages(parseResult))
            {
                OutputStyle.WriteErrorLine(Console.Error, $"xiqing: {message}");
            }
            var command = parseResult.CommandResult.Command;
            Console.Error.WriteLine(command is RootCommand ? CliText.Get("usage.try") : CliText.Get("usage.tryVerb", command.Name));
            return ExitCodes.UserError;
        }
        return parseResult.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    /// <summary>The command tree.</summary>
    public static RootCommand CreateRootCommand()
    {
        var root = new RootCommand("""
            xiqing: full-text search over the Xiqing District policy documents.

            The first search builds the index from seeds/ (and rebuilds it when the seeds change).
            Locations: flag > environment (XIQING_SEEDS, XIQING_INDEX, XIQING_SMARTCN_JAR) > xiqing.json > seeds/, index/.
            Exit codes: 0 success (search: hits found), 1 no hits, 2 usage/query/index error, 3 internal error.
            """);
        // Read before parsing by CliLanguage (so a parse error is worded in it); declared here so every verb takes it.
        var language = new System.CommandLine.Option<string>(CliLanguage.OptionName)
        {
            Description = "Language of messages, headings and hints: zh or en (default: XIQING_LANG, else LC_ALL, LC_MESSAGES, LANG; on Windows the UI language).",
            Recursive = true,
        };
        language.AcceptOnlyFromAmong("zh", "en");
        root.Add(language);
        root.Add(SearchCommand.Create());
        root.Add(CompareCommand.Create());
        root.Add(NewTermsCommand.Create());
        root.Add(IndexCommand.Create());
        root.Add(ShowCommand.Create());
        root.Add(StatsCommand.Create());
        root.Add(AnalyzeCommand.Create());
        root.Add(ServeCommand.Create());
        root.Add(KeysCommand.Create());
        ExamplesHelpAction.WithExamples(root, """
            xiqing search 天开西青园
            xiqing search 天开西青园 --format kwic
            xiqing show 000_313d8db390bab93c#12 --context 2
            xiqing stats
            xiqing serve --urls http://localhost:5000
            xiqing search --help
            """);
        CliHelp.Localise(root);
        ExamplesHelpAction.Install(root);
        return root;
    }
}
