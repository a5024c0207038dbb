using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace XiqingSearch.Cli.Commands;

/// <summary>
/// <c>--help</c> as System.CommandLine writes it, followed by the command's examples. Examples are kept out of
/// the descriptions so the root's command list stays one line per verb.
/// </summary>
internal sealed class ExamplesHelpAction(HelpAction inner) : SynchronousCommandLineAction
{
    private static readonly ConditionalWeakTable<Command, string> s_examples = new();

    /// <summary>Attaches <paramref name="examples"/> (a block of lines) to <paramref name="command"/>.</summary>
    public static T WithExamples<T>(T command, string examples) where T : Command
    {
        s_examples.AddOrUpdate(command, examples);
        return command;
    }

    /// <summary>Replaces the help action of <paramref name="root"/>'s help option (it applies to every verb).</summary>
    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        if (help.Action is HelpAction action)
        {
            help.Action = new ExamplesHelpAction(action);
        }
    }

    /// <summary>A help section heading in Chinese; any other line as it is.</summary>
    internal static string ChineseHeading(string line) => line switch
    {
        "Description:" => "说明：",
        "Usage:" => "用法：",
        "Arguments:" => "参数：",
        "Options:" => "选项：",
        "Commands:" => "命令：",
        "Additional Arguments:" => "其他参数：",
        "  Arguments passed to the application that is being run." => "  传给所运行程序的其他参数（例如 ASP.NET Core 设置）。",
        _ => line.Replace("[default: ", "[默认：", StringComparison.Ordinal).Replace(" (REQUIRED)", "（必填）", StringComparison.Ordinal),
    };

    /// <inheritdoc/>
    public override int Invoke(ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration.Output;
        int exitCode;
        if (CliLanguage.IsChinese)
        {
            // System.CommandLine words its section headings in English only: written to a buffer, they are
            // renamed line by line (a heading is a whole line, so no description text is touched).
            var buffer = new StringWriter();
            parseResult.InvocationConfiguration.Output = buffer;
            try
            {
                exitCode = inner.Invoke(parseResult);
            }
            finally
            {
                parseResult.InvocationConfiguration.Output = output;
            }
            output.Write(string.Join('\n', buffer.ToString().Split('\n').Select(line => ChineseHeading(line.TrimEnd('\r')))));
        }
        else
        {
            exitCode = inner.Invoke(parseResult);
        }
        if (s_examples.TryGetValue(parseResult.CommandResult.Command, out var examples))
        {
            output.WriteLine(CliLanguage.IsChinese ? "示例：" : "Examples:");
            foreach (var line in examples.Split('\n'))
            {
                output.WriteLine("  " + CliHelp.ExampleLine(line.TrimEnd('\r')));
            }
            output.WriteLine();
        }
        return exitCode;
    }
}
