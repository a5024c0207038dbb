using System.CommandLine;
using XiqingSearch.Cli.Configuration;
using XiqingSearch.Core.Configuration;

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

    public Option<bool> Ocr { get; } = new("--ocr")
    {
        Description = "Recognise scanned pages and images (.png .jpg .tif) with Tesseract (default: Xiqing:Ocr:Enabled, else off). Their text is marked as OCR.",
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command, bool withSeeds = true)
    {
        if (withSeeds)
        {
            command.Add(Seeds);
        }
        command.Add(Index);
        command.Add(SmartCnJar);
        command.Add(Ocr);
    }

    /// <summary>Flags, environment and xiqing.json resolved.</summary>
    public CliSettings Resolve(ParseResult parseResult) => CliSettings.Resolve(new Dictionary<string, string?>
    {
        [ResolvedSettings.SeedsKey] = parseResult.GetValue(Seeds),
        [ResolvedSettings.IndexKey] = parseResult.GetValue(Index),
        [ResolvedSettings.SmartCnJarKey] = parseResult.GetValue(SmartCnJar),
        // Absent unless given, so that Xiqing:Ocr:Enabled in the environment or a file still counts.
        [SettingsKeys.OcrEnabled] = parseResult.GetValue(Ocr) ? "true" : null,
    });
}
