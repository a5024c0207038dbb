namespace XiqingSearch.Cli.Localization; internal static class CliHelp { public static string Describe(string key, string english) => english; }
