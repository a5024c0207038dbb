using System.Collections;
using System.Text.Json;

namespace XiqingSearch.Core.Configuration;

/// <summary>
/// The one place where settings are resolved, for the command line and the server alike, so <c>xiqing serve</c>
/// and the server project started from the same folder open the same index. Precedence, highest first:
/// <list type="number">
/// <item>flags (<c>--index DIR</c>; the server's <c>--Xiqing:Key=value</c>),</item>
/// <item>the environment (<c>XIQING_INDEX</c>; single underscores vanish, a double one separates sections:
/// <c>XIQING_CORS__ORIGINS</c> is <c>cors:origins</c>),</item>
/// <item><c>xiqing.json</c> in the current directory,</item>
/// <item>the <c>Xiqing</c> section of <c>appsettings.json</c> in the current directory,</item>
/// <item>the defaults.</item>
/// </list>
/// Keys are case-insensitive and ignore underscores (<c>smartCnJar</c>, <c>SMARTCN_JAR</c>); a section is a JSON
/// object or a <c>:</c> in the key. Relative paths are relative to the current directory. A flag or file key that
/// is not a setting (<see cref="SettingsKeys"/>) is refused. Core itself reads no environment variables: the front
/// end passes the environment in.
/// </summary>
public static class SettingsResolver
{
    /// <summary>The settings file of XiqingSearch, looked for in the current directory.</summary>
    public const string FileName = "xiqing.json";

    /// <summary>The ASP.NET settings file; its <c>Xiqing</c> section is read, after <see cref="FileName"/>.</summary>
    public const string AppSettingsFileName = "appsettings.json";

    /// <summary>The section of <see cref="AppSettingsFileName"/> that holds XiqingSearch's settings.</summary>
    public const string AppSettingsSection = "Xiqing";

    /// <summary>Prefix of the environment variables.</summary>
    public const string EnvironmentPrefix = "XIQING_";

    /// <summary>
    /// Resolves the layers. <paramref name="flags"/> are keyed like the files (<c>index</c>, <c>cors:origins</c>);
    /// <paramref name="environment"/> is the process environment (only <c>XIQING_…</c> entries are used).
    /// A settings file that is not valid JSON is a <c>settings.invalid</c> problem naming the file and the line.
    /// </summary>
    public static Result<ResolvedSettings> Resolve(IReadOnlyDictionary<string, string?> flags, IDictionary environment,
        string currentDirectory)
    {
        var layers = new List<SettingsLayer>
        {
            new("flag", Normalise(flags)),
            new("environment", FromEnvironment(environment)),
        };
        var problems = new List<Problem>();
        foreach (var (file, section, name) in new[]
        {
            (Path.Combine(currentDirectory, FileName), (string?)null, FileName),
            (Path.Combine(currentDirectory, AppSettingsFileName), AppSettingsSection, AppSettingsFileName),
        })
        {
            var read = ReadFile(file, section);
            if (read.IsSuccess)
            {
                layers.Add(new SettingsLayer(name, read.Value));
            }
            else
            {
                problems.AddRange(read.Problems);
            }
        }
        // Flags and files only: the environment may hold other tools' XIQING_… variables.
        foreach (var layer in layers.Where(l => l.Source != "environment"))
        {
            foreach (var key in layer.Values.Keys.Where(k => !SettingsKeys.IsKnown(k)).Order(StringComparer.Ordinal))
            {
                problems.Add(new Problem(ProblemCodes.SettingsInvalid,
                    ConfigurationMessages.UnknownSetting(key, layer.Source, SettingsKeys.Nearest(key)),
                    layer.Source == "flag" ? null : Path.Combine(currentDirectory, layer.Source)));
            }
        }
        return problems.Count > 0
            ? Result<ResolvedSettings>.Fail(problems)
            : new ResolvedSettings(layers, currentDirectory);
    }

    /// <summary>The canonical form of a key: lower case, no underscores, <c>:</c> between sections.</summary>
    public static string NormaliseKey(string key) => key.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    private static Dictionary<string, string?> Normalise(IReadOnlyDictionary<string, string?> values)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                result[NormaliseKey(key)] = value;
            }
        }
        return result;
    }

    private static Dictionary<string, string?> FromEnvironment(IDictionary environment)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is not string name || !name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase)
                || entry.Value is not string value || string.IsNullOrWhiteSpace(value))
            {
                continue;
            }
            var sections = name[EnvironmentPrefix.Length..].Split("__", StringSplitOptions.RemoveEmptyEntries);
            result[string.Join(':', sections.Select(NormaliseKey))] = value;
        }
        return result;
    }

    private static Result<Dictionary<string, string?>> ReadFile(string path, string? section)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return result;
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions
            {
                AllowTrailingCommas = true,
                CommentHandling = JsonCommentHandling.Skip,
            });
            var root = document.RootElement;
            if (section is not null)
            {
                root = root.ValueKind == JsonValueKind.Object
                    && root.EnumerateObject().FirstOrDefault(p => p.Name.Equals(section, StringComparison.OrdinalIgnoreCase))
                        is { Value.ValueKind: JsonValueKind.Object } found
                    ? found.Value
                    : default;
            }
            if (root.ValueKind == JsonValueKind.Object)
            {
                Flatten(root, "", result);
            }
            else if (section is null)
            {
                return new Problem(ProblemCodes.SettingsInvalid, ConfigurationMessages.NotAnObject(path), path);
            }
            return result;
        }
        catch (JsonException e)
        {
            return new Problem(ProblemCodes.SettingsInvalid,
                ConfigurationMessages.InvalidJson(path, (e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Problem(ProblemCodes.SettingsInvalid, ConfigurationMessages.Unreadable(path, e.Message), path);
        }
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string?> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix.Length == 0 ? NormaliseKey(property.Name) : prefix + ":" + NormaliseKey(property.Name), into);
                }
                break;
            case JsonValueKind.Array:
                // A list ("origins": ["a", "b"]) is kept as the comma-separated value an environment variable gives.
                into[prefix] = string.Join(',', element.EnumerateArray().Select(Scalar).Where(v => v is not null));
                break;
            default:
                if (Scalar(element) is { } value)
                {
                    into[prefix] = value;
                }
                break;
        }
    }

    private static string? Scalar(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => null,
    };
}

/// <summary>One layer of settings: where it came from and its values (canonical keys).</summary>
internal sealed record SettingsLayer(string Source, IReadOnlyDictionary<string, string?> Values);
