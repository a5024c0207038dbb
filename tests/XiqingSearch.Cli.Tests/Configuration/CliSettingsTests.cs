using System.CommandLine;
using XiqingSearch.Core.Configuration;

namespace XiqingSearch.Cli.Tests.Configuration;

/// <summary>The command line's setting flags are Core's one table (<see cref="SettingsKeys.Flags"/>), as the server's are.</summary>
public sealed class CliSettingsTests
{
    [Fact]
    public void Serve_EverySettingFlag_IsAnOption()
    {
        var serve = Program.CreateRootCommand().Subcommands.Single(c => c.Name == "serve");

        foreach (var flag in SettingsKeys.Flags)
        {
            var option = serve.Options.SingleOrDefault(o => o.Name == flag.Name);
            Assert.True(option is not null, flag.Name);
            Assert.Equal(flag.IsSwitch, option is Option<bool>);
        }
    }

    [Fact]
    public void IndexReadingVerbs_LocationFlags_AreTheTablesNames()
    {
        var root = Program.CreateRootCommand();

        foreach (var verb in new[] { "search", "index", "show", "stats" })
        {
            var names = root.Subcommands.Single(c => c.Name == verb).Options.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var key in new[] { SettingsKeys.Index, SettingsKeys.SmartCnJar, SettingsKeys.OcrEnabled })
            {
                Assert.Contains(SettingsKeys.FlagOf(key).Name, names);
            }
        }
    }
}
