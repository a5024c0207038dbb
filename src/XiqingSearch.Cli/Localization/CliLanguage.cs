using System.Runtime.InteropServices;

namespace XiqingSearch.Cli.Localization;

/// <summary>
/// The language of the CLI's own messages, headings and hints: Chinese (<c>zh</c>) or English (<c>en</c>).
/// Chosen by <c>--lang zh|en</c>, else <c>XIQING_LANG</c>, else the user's UI language: <c>LC_ALL</c>,
/// <c>LC_MESSAGES</c>, <c>LANG</c> on Unix (POSIX order: the first one set decides), the user's default UI
/// language on Windows. The build uses invariant globalization, so <see cref="System.Globalization.CultureInfo"/>
/// knows nothing of the user's language: these are read directly. Anything but a Chinese locale is English.
/// </summary>
internal static class CliLanguage
{
    /// <summary>The option's name.</summary>
    public const string OptionName = "--lang";

    /// <summary>True when messages are Chinese; set once per process by <see cref="Initialise"/>.</summary>
    public static bool IsChinese { get; private set; }

    /// <summary>Resolves the language from the command line and the environment, once, before anything is written.</summary>
    public static void Initialise(IReadOnlyList<string> args) =>
        IsChinese = Resolve(args, Environment.GetEnvironmentVariable, OperatingSystem.IsWindows() ? WindowsUiLanguage : null) == "zh";

    /// <summary>Sets the language directly: for in-process tests of the Chinese tables.</summary>
    internal static void Set(bool chinese) => IsChinese = chinese;

    /// <summary>"zh" or "en" from the arguments, the environment and (on Windows) the UI language.</summary>
    internal static string Resolve(IReadOnlyList<string> args, Func<string, string?> environment, Func<string?>? uiLanguage)
    {
        for (var i = 0; i < args.Count; i++)
        {
            // The option itself is parsed by System.CommandLine too; it is read here first because the language
            // must be known before a parse error is worded.
            if (args[i] == OptionName && i + 1 < args.Count && Normalise(args[i + 1]) is { } given)
            {
                return given;
            }
            if (args[i].StartsWith(OptionName + "=", StringComparison.Ordinal) && Normalise(args[i][(OptionName.Length + 1)..]) is { } inline)
            {
                return inline;
            }
        }
        if (Normalise(environment("XIQING_LANG")) is { } configured)
        {
            return configured;
        }
        foreach (var name in new[] { "LC_ALL", "LC_MESSAGES", "LANG" })
        {
            if (environment(name) is { Length: > 0 } locale)
            {
                return FromLocale(locale);
            }
        }
        return uiLanguage?.Invoke() is { Length: > 0 } ui ? FromLocale(ui) : "en";
    }

    /// <summary>"zh" or "en" for a value of <c>--lang</c> or <c>XIQING_LANG</c>; null for anything else.</summary>
    internal static string? Normalise(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "zh" or "zh-cn" or "zh-hans" or "cn" or "chinese" or "中文" => "zh",
        "en" or "en-us" or "en-gb" or "english" => "en",
        _ => null,
    };

    /// <summary>A POSIX locale (<c>zh_CN.UTF-8</c>, <c>zh_TW</c>) or a BCP 47 tag (<c>zh-CN</c>) is Chinese when its language is zh.</summary>
    internal static string FromLocale(string locale)
    {
        var language = locale.Split('_', '-', '.', '@')[0];
        return language.Equals("zh", StringComparison.OrdinalIgnoreCase) ? "zh" : "en";
    }

    // Kernel32's GetUserDefaultUILanguage gives the LANGID of the user's UI language; Chinese LANGIDs have
    // primary language 0x04 (LANG_CHINESE) in their low ten bits.
    private static string? WindowsUiLanguage()
    {
        try
        {
            return (GetUserDefaultUILanguage() & 0x3FF) == 0x04 ? "zh" : "en";
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("kernel32.dll")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
    private static extern ushort GetUserDefaultUILanguage();
}
