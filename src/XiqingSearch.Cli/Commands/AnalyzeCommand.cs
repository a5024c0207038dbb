using System.CommandLine;
using Lucene.Net.Analysis;
using XiqingSearch.Core.Analysis;
using XiqingSearch.Core.Analysis.SmartCn;
using XiqingSearch.Core.Export;

namespace XiqingSearch.Cli.Commands;

/// <summary>
/// <c>xiqing analyze FILE</c>: the tokens of each line as TSV (<c>line	term	start	end	position</c>), byte for
/// byte the Java peer's format: UTF-8 without BOM, <c>\n</c> line ends. The table itself is Core's
/// <see cref="TokenTable"/>; this verb only picks the analyzer and the streams.
/// </summary>
internal static class AnalyzeCommand
{
    /// <summary>Analyzer names this verb knows.</summary>
    public static readonly IReadOnlyList<string> Analyzers = ["smartcn"];

    /// <summary>The command.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A UTF-8 text file, or - for standard input." };
        var analyzer = new Option<string>("--analyzer")
        {
            Description = "The analyzer: " + string.Join(", ", Analyzers) + ".",
            DefaultValueFactory = _ => "smartcn",
        };
        analyzer.CompletionSources.Add([.. Analyzers]);
        var locations = new LocationOptions();
        var command = new Command("analyze", """
            Print the tokens of each line of FILE as TSV: line, term, start, end, position
            (offsets are 0-based UTF-16 units, end exclusive; identical to the Java Lucene peer's output).
            """)
        {
            file, analyzer,
        };
        locations.AddTo(command, withSeeds: false);
        command.SetAction(parseResult => CommandRunner.Run(() =>
        {
            var name = parseResult.GetValue(analyzer) ?? "smartcn";
            var settings = locations.Resolve(parseResult);
            using var lucene = Create(name, settings.SmartCnJar);
            var path = parseResult.GetValue(file) ?? "-";
            using var input = Open(path);
            using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false))
            {
                NewLine = "\n",
            };
            TokenTable.Write(lucene, input, output);
            output.Flush();
            return ExitCodes.Success;
        }));
        return ExamplesHelpAction.WithExamples(command, """
            xiqing analyze seeds/000_313d8db390bab93c.txt
            echo 天开西青园建设 | xiqing analyze -
            """);
    }

    private static Analyzer Create(string name, string? jar) => name switch
    {
        // Load the dictionaries up front, so a missing jar is reported before any output is written.
        "smartcn" => new SmartCnAnalyzer(SmartCnDictionary.Shared(SmartCnOptions.For(jar))),
        _ => throw new XiqingException(new Problem(ProblemCodes.BadParameter,
            $"unknown analyzer '{name}'; known: {string.Join(", ", Analyzers)}", "--analyzer")
            .With(("reason", "unknown-analyzer"), ("value", name), ("allowed", string.Join(", ", Analyzers)))),
    };

    private static TextReader Open(string path)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        if (path == "-")
        {
            return new StreamReader(Console.OpenStandardInput(), utf8, detectEncodingFromByteOrderMarks: false);
        }
        if (Directory.Exists(path))
        {
            // A folder is a natural first guess (the seeds are one); say what the verb reads instead.
            var example = Directory.EnumerateFiles(path).Order(StringComparer.Ordinal).FirstOrDefault() is { } first
                ? Path.Combine(path, Path.GetFileName(first))
                : Path.Combine(path, "FILE.txt");
            throw new XiqingException(new Problem(ProblemCodes.BadParameter,
                CliText.Get("error.isFolder", path, example)));
        }
        if (!File.Exists(path))
        {
            throw new XiqingException(new Problem(ProblemCodes.NotFound, "no such file", Path.GetFullPath(path)));
        }
        // The BOM, if any, stays in the text: TokenTable drops it exactly as the peer does.
        return new StreamReader(path, utf8, detectEncodingFromByteOrderMarks: false);
    }
}
