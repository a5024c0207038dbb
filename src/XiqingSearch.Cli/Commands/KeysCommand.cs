using System.CommandLine;
using XiqingSearch.Cli.Configuration;
using XiqingSearch.Core.Configuration;
using XiqingSearch.Server.Auth;

namespace XiqingSearch.Cli.Commands;

/// <summary>
/// <c>xiqing keys add NAME --groups a,b</c>: makes an API key for an integration, appends its line (the key's
/// SHA-256, never the key) to the keys file (<c>--file</c>, else <c>Xiqing:Auth:ApiKeysFile</c>) and prints the key
/// once on standard output. The server picks the new line up within seconds, without a restart.
/// </summary>
internal static class KeysCommand
{
    /// <summary>The verb.</summary>
    public const string Name = "keys";

    /// <summary>The command.</summary>
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "Who the key is for (an integration); the caller's user name in answers and the audit log." };
        var groups = new Option<string>("--groups")
        {
            Description = "The key's groups, comma-separated (access rules and Xiqing:Auth:AdminGroup are about groups).",
            HelpName = "G1,G2",
        };
        var file = new Option<string>("--file")
        {
            Description = "The keys file. Default: Xiqing:Auth:ApiKeysFile (XIQING_AUTH__API_KEYS_FILE, xiqing.json, appsettings.json).",
            HelpName = "FILE",
        };
        var add = new Command("add", "Make a new API key, append its line to the keys file and print the key once.") { name, groups, file };
        add.SetAction(parseResult => CommandRunner.Run(() =>
        {
            var path = parseResult.GetValue(file) is { Length: > 0 } given
                ? Path.GetFullPath(given)
                : CliSettings.Resolve(new Dictionary<string, string?>()).Resolved.GetPath(SettingsKeys.AuthApiKeysFile)
                    ?? throw new XiqingException(new Problem(ProblemCodes.SettingsInvalid,
                        "No keys file: give --file FILE or set Xiqing:Auth:ApiKeysFile."));
            var key = CommandRunner.Unwrap(ApiKeyFile.Add(path, parseResult.GetValue(name) ?? "",
                (parseResult.GetValue(groups) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
            // The key on standard output alone (a script can capture it); what to do with it on standard error.
            Console.Out.WriteLine(key);
            Console.Error.WriteLine(CliText.Get("keys.added", path));
            return ExitCodes.Success;
        }));
        var command = new Command(Name, "API keys for integrations (header X-Api-Key).") { add };
        return ExamplesHelpAction.WithExamples(command, """
            xiqing keys add portal --groups xq-planning,规划科 --file /etc/xiqing/api-keys.jsonl
            """);
    }
}
