using System.Security.Cryptography;
using System.Text.Json.Serialization;

namespace XiqingSearch.Server.Auth;

/// <summary>One API key of the keys file: its name (the caller's user), the hex SHA-256 of the key, its groups.</summary>
public sealed record ApiKeyEntry(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("groups")] IReadOnlyList<string> Groups);

/// <summary>
/// The API keys file (<c>Xiqing:Auth:ApiKeysFile</c>): one JSON object a line, <c>{"name", "sha256", "groups"}</c>.
/// Only the SHA-256 of a key is stored, so the file reveals no key; <see cref="Add"/> makes a key, appends its line
/// and hands the key back once (<c>xiqing keys add</c> prints it).
/// </summary>
public static class ApiKeyFile
{
    /// <summary>Most bytes a keys file may have: it is read whole at start and on every change.</summary>
    public const long MaxBytes = 4L * 1024 * 1024;

    private static readonly JsonSerializerOptions s_line = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The hex SHA-256 (lower case) of <paramref name="key"/>'s UTF-8 bytes, as the file stores it.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>
    /// The entries of the file at <paramref name="path"/>; blank lines are skipped. A line that is not a key, a
    /// name given twice or a file that cannot be read is a <c>settings.invalid</c> problem naming the line, so a
    /// broken file stops start-up rather than silently dropping keys.
    /// </summary>
    public static Result<IReadOnlyList<ApiKeyEntry>> Read(string path)
    {
        string[] lines;
        try
        {
            if (new FileInfo(path).Length > MaxBytes)
            {
                return Invalid($"{path}: the API keys file is larger than {MaxBytes / (1024 * 1024)} MiB.");
            }
            lines = File.ReadAllLines(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Invalid($"{path}: the API keys file cannot be read: {e.Message}");
        }
        var entries = new List<ApiKeyEntry>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }
            ApiKeyEntry? entry;
            try
            {
                entry = JsonSerializer.Deserialize<ApiKeyEntry>(line);
            }
            catch (JsonException e)
            {
                return Invalid($"{path}, line {i + 1}: not a JSON object {{\"name\", \"sha256\", \"groups\"}}: {e.Message}");
            }
            if (entry is null || string.IsNullOrWhiteSpace(entry.Name) || entry.Sha256 is null
                || entry.Sha256.Length != 64 || !entry.Sha256.All(Uri.IsHexDigit))
            {
                return Invalid($"{path}, line {i + 1}: a key needs a \"name\" and a \"sha256\" of 64 hex digits.");
            }
            if (entries.Any(e => e.Name == entry.Name))
            {
                return Invalid($"{path}, line {i + 1}: the name '{entry.Name}' is given twice.");
            }
            entries.Add(entry with { Sha256 = entry.Sha256.ToLowerInvariant(), Groups = entry.Groups ?? [] });
        }
        return Result<IReadOnlyList<ApiKeyEntry>>.Ok(entries);
    }

    /// <summary>
    /// Makes a new random key for <paramref name="name"/> in <paramref name="groups"/>, appends its line to the file
    /// at <paramref name="path"/> (created with its folder when missing) and returns the key, which is stored
    /// nowhere: whoever runs this must hand it on now. A name already in the file is refused.
    /// </summary>
    public static Result<string> Add(string path, string name, IEnumerable<string> groups)
    {
        name = name.Trim();
        if (name.Length == 0 || name.Any(char.IsControl))
        {
            return Result<string>.Fail(new Problem(ProblemCodes.BadParameter, "A key needs a name without control characters."));
        }
        if (File.Exists(path))
        {
            var existing = Read(path);
            if (!existing.IsSuccess)
            {
                return Result<string>.Fail(existing.Problems[0]);
            }
            if (existing.Value.Any(e => e.Name == name))
            {
                return Result<string>.Fail(new Problem(ProblemCodes.BadParameter,
                    $"{path} already has a key named '{name}'; choose another name or remove its line first."));
            }
        }
        // 32 random bytes (256 bits), URL-safe so that the key passes in a header or a shell unquoted.
        var key = "xq_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var entry = new ApiKeyEntry(name, Hash(key),
            [.. groups.Select(g => g.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal)]);
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }
            // A line is appended whole; a file that does not end in a newline (edited by hand) gets one first.
            var needsNewline = File.Exists(path) && new FileInfo(path).Length > 0 && !EndsWithNewline(path);
            File.AppendAllText(path, (needsNewline ? "\n" : "") + JsonSerializer.Serialize(entry, s_line) + "\n",
                new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Result<string>.Fail(new Problem(ProblemCodes.SettingsInvalid, $"{path}: cannot append the key: {e.Message}"));
        }
        return Result<string>.Ok(key);
    }

    private static bool EndsWithNewline(string path)
    {
        using var stream = File.OpenRead(path);
        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() == '\n';
    }

    private static Result<IReadOnlyList<ApiKeyEntry>> Invalid(string message) =>
        Result<IReadOnlyList<ApiKeyEntry>>.Fail(new Problem(ProblemCodes.SettingsInvalid, message));
}
