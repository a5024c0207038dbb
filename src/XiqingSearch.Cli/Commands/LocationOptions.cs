using System.CommandLine;
using XiqingSearch.Cli.Configuration;

namespace XiqingSearch.Cli.Commands;

/// <summary>
/// The <c>--seeds</c>, <c>--index</c> and <c>--smartcn-jar</c> flags every verb that touches the index takes.
/// One instance per command: a System.CommandLine symbol belongs to one parent.
/// </summary>
internal sealed class LocationOptions
{
    public Option<string> Seeds { get; } = new("--seeds")
    {
        Description = "Folder of source documents (default: seeds/, or XIQING_SEEDS, or \"seeds\" in xiqing.json).",
        HelpName = "DIR",
    };

    public Option<string> Index { get; } = new("--index")
    {
        Description = "Index folder (default: index/, or XIQING_INDEX, or \"index\" in xiqing.json).",
        HelpName = "DIR",
    };

    public Option<string> SmartCnJar { get; } = new("--smartcn-jar")
    {
        Description = "A Java Lucene SmartCn jar to read the dictionaries from (default: XIQING_SMARTCN_JAR, else the dictionaries built into the Lucene.Net.Analysis.SmartCn package).",
        HelpName = "PATH",
    };

    /// <summary>Adds the three options to <paramref name="command"/>.</summary>
    public void AddTo(Command command, bool withSeeds = true)
    {
        if (withSeeds)
        {
            command.Add(Seeds);
        }
        command.Add(Index);
        command.Add(SmartCnJar);
    }

    /// <summary>Flags, environment and xiqing.json resolved.</summary>
    public CliSettings Resolve(ParseResult parseResult) => CliSettings.Resolve(
        parseResult.GetValue(Seeds),
        parseResult.GetValue(Index),
        parseResult.GetValue(SmartCnJar));
}
