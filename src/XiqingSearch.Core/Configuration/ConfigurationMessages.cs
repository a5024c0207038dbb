namespace XiqingSearch.Core.Configuration;

/// <summary>The messages of settings problems, in one place.</summary>
internal static class ConfigurationMessages
{
    public static string InvalidJson(string path, long line, long column) =>
        $"The settings file {path} is not valid JSON (line {line}, column {column}); fix it or remove it.";

    public static string NotAnObject(string path) =>
        $"The settings file {path} must hold one JSON object, such as {{ \"index\": \"index\", \"seeds\": \"seeds\" }}.";

    public static string UnknownSetting(string key, string source, string? nearest) =>
        $"Unknown setting '{key}' ({source})" + (nearest is null ? "" : $"; did you mean '{nearest}'?")
        + $" Known settings: {string.Join(", ", SettingsKeys.All)}.";

    public static string Unreadable(string path, string reason) =>
        $"The settings file {path} cannot be read: {reason}";
}
