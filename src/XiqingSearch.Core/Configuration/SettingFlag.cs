namespace XiqingSearch.Core.Configuration;

/// <summary>
/// A command-line flag that sets one setting (<see cref="SettingsKeys.Flags"/>): its name as typed, the setting's
/// key, and whether it is a switch (no value; given, the setting is <c>true</c>).
/// </summary>
public sealed record SettingFlag(string Name, string Key, bool IsSwitch = false)
{
    /// <summary>The flag as the configuration's command line spells a setting: <c>--Xiqing:key</c>.</summary>
    public string ConfigurationName => "--" + SettingsResolver.AppSettingsSection + ":" + Key;
}
