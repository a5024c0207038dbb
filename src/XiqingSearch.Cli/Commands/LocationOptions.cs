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
    public Option<string> Seeds { get; } = new(SettingsKeys.FlagOf(SettingsKeys.Seeds).Name)
    {
        Description = "Folder of source documents (default: seeds/, or XIQING_SEEDS, or \"seeds\" in xiqing.json).",
        HelpName = "DIR",
    };

    public Option<string> Index { get; } = new(SettingsKeys.FlagOf(SettingsKeys.Index).Name)
    {
        Description = "Index folder (default: index/, or XIQING_INDEX, or \"index\" in xiqing.json).",
        HelpName = "DIR",
    };

    public Option<string> SmartCnJar { get; } = new(SettingsKeys.FlagOf(SettingsKeys.SmartCnJar).Name)
    {
        Description = "A Java Lucene SmartCn jar to read the dictionaries from (default: XIQING_SMARTCN_JAR, else the dictionaries built into the Lucene.Net.Analysis.SmartCn package).",
        HelpName = "PATH",
    };

    public Option<bool> Ocr { get; } = new(SettingsKeys.FlagOf(SettingsKeys.OcrEnabled).Name)
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

    /// <summary>
    /// <see cref="Resolve"/> for a verb that reads the index. A reading verb builds a missing index in the default
    /// or configured folder on first use, and in an <c>--index</c> folder to be made inside a folder that exists;
    /// an <c>--index</c> path whose parent is missing too is far more often a typo than a wish for a new tree there:
    /// that is an error, and nothing is created.
    /// </summary>
    public CliSettings ResolveForReading(ParseResult parseResult)
    {
        var settings = Resolve(parseResult);
        // A folder to be made in a folder that exists is built on first use, as the default one is; a path whose
        // parent is missing too is taken for a typo, and nothing is created.
        if (parseResult.GetValue(Index) is { Length: > 0 } && !Directory.Exists(settings.IndexDirectory)
            && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(settings.IndexDirectory))))
        {
            throw new XiqingException(new Problem(ProblemCodes.IndexMissing,
                CliText.Get("error.noIndexThere", settings.IndexDirectory), settings.IndexDirectory)
            {
                Arguments = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["index"] = settings.IndexDirectory,
                    ["seeds"] = settings.SeedsDirectory,
                },
            });
        }
        return settings;
    }

    /// <summary>Flags, environment and xiqing.json resolved.</summary>
    public CliSettings Resolve(ParseResult parseResult) => CliSettings.Resolve(Flags(parseResult));

    /// <summary>
    /// The flags given, keyed by their settings as Core's flag table pairs them; a switch is absent unless given,
    /// so that Xiqing:Ocr:Enabled in the environment or a file still counts.
    /// </summary>
    public Dictionary<string, string?> Flags(ParseResult parseResult) => new()
    {
        [SettingsKeys.Seeds] = parseResult.GetValue(Seeds),
        [SettingsKeys.Index] = parseResult.GetValue(Index),
        [SettingsKeys.SmartCnJar] = parseResult.GetValue(SmartCnJar),
        [SettingsKeys.OcrEnabled] = parseResult.GetValue(Ocr) ? "true" : null,
    };
}
