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

    /// <inheritdoc/>
    public override int Invoke(ParseResult parseResult)
    {
        var exitCode = inner.Invoke(parseResult);
        if (s_examples.TryGetValue(parseResult.CommandResult.Command, out var examples))
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var line in examples.Split('\n'))
            {
                output.WriteLine("  " + line.TrimEnd('\r'));
            }
            output.WriteLine();
        }
        return exitCode;
    }
}
