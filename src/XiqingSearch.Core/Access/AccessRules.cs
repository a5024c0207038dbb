using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace XiqingSearch.Core.Access;

/// <summary>
/// Who may see which document, from <c>catalog.json</c> in the seeds folder: <c>"access"</c> on a document entry,
/// <c>"folders": {"internal/": {"access": [...]}}</c> by path prefix of the source under the seeds folder (the
/// longest prefix wins), and <c>"defaultAccess"</c> for every other document. A document's own rule beats its
/// folder's, a folder's beats the default; a document without any rule is public. The group
/// <see cref="Caller.PublicGroup"/> means everyone, anonymous callers included. Read by the engine, not by the
/// build, so a change of access needs no rebuild of the text index.
/// </summary>
public sealed class AccessRules
{
    /// <summary>The catalogue keys that say who may see what (and are left out of what the build depends on).</summary>
    public const string AccessKey = Ingestion.Catalog.AccessKey;

    /// <summary>Top-level key: rules by folder prefix.</summary>
    public const string FoldersKey = Ingestion.Catalog.FoldersKey;

    /// <summary>Top-level key: the rule of documents no other rule names.</summary>
    public const string DefaultAccessKey = Ingestion.Catalog.DefaultAccessKey;

    private readonly Dictionary<string, string[]> _documents;
    private readonly (string Prefix, string[] Groups)[] _folders;
    private readonly string[]? _default;

    private AccessRules(Dictionary<string, string[]> documents, (string Prefix, string[] Groups)[] folders, string[]? defaultGroups,
        string? problem)
    {
        _documents = documents;
        _folders = folders;
        _default = defaultGroups;
        Problem = problem;
        Signature = Digest([
            problem ?? string.Empty,
            .. documents.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Key + "\t" + string.Join('\t', d.Value)),
            "folders",
            .. folders.Select(f => f.Prefix + "\t" + string.Join('\t', f.Groups)),
            "default",
            defaultGroups is null ? "-" : string.Join('\t', defaultGroups),
        ]);
    }

    /// <summary>A digest of the rules' content: equal rules, equal signature.</summary>
    public string Signature { get; }

    /// <summary>No rules: every document is public.</summary>
    public static AccessRules None { get; } = new([], [], null, null);

    /// <summary>
    /// Why the rules could not be read, or null. Rules that cannot be read hide every document from everyone but
    /// the operator: a typo in the catalogue must not publish internal documents.
    /// </summary>
    public string? Problem { get; }

    /// <summary>True when some document may be hidden from somebody.</summary>
    public bool HasRules => Problem is not null || _documents.Count > 0 || _folders.Length > 0 || _default is not null;

    /// <summary>
    /// The groups that may see the document <paramref name="docId"/> read from <paramref name="file"/> (its path
    /// under the seeds folder, <c>/</c>-separated); null when it is public.
    /// </summary>
    public IReadOnlyList<string>? GroupsOf(string docId, string file)
    {
        ArgumentNullException.ThrowIfNull(docId);
        ArgumentNullException.ThrowIfNull(file);
        if (Problem is not null)
        {
            return [];
        }
        var groups = _documents.GetValueOrDefault(docId);
        if (groups is null)
        {
            var path = file.Replace('\\', '/');
            foreach (var (prefix, folderGroups) in _folders)
            {
                // Longest prefix first, so the deepest folder that holds the file decides.
                if (path.StartsWith(prefix, StringComparison.Ordinal))
                {
                    groups = folderGroups;
                    break;
                }
            }
        }
        groups ??= _default;
        return groups is null || groups.Contains(Caller.PublicGroup, StringComparer.OrdinalIgnoreCase) ? null : groups;
    }

    /// <summary>True when <paramref name="caller"/> may see a document that <paramref name="groups"/> may see (null: public).</summary>
    public static bool Sees(Caller caller, IReadOnlyList<string>? groups)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.SeesEverything || groups is null)
        {
            return true;
        }
        foreach (var group in caller.Groups)
        {
            if (groups.Contains(group, StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The rules of a catalogue's JSON; rules that are malformed (not an array of group names, a folder that is
    /// no object) give rules with a <see cref="Problem"/> that hide everything.
    /// </summary>
    public static AccessRules Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: Options);
        }
        catch (JsonException e)
        {
            return Failed($"catalog.json is not valid JSON: {e.Message}");
        }
        if (root is not JsonObject top)
        {
            return Failed("catalog.json must be a JSON object.");
        }
        var documents = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (top["documents"] is JsonObject entries)
        {
            foreach (var (doc, entry) in entries)
            {
                if (entry is JsonObject fields && fields.ContainsKey(AccessKey))
                {
                    if (Groups(fields[AccessKey]) is not { } groups)
                    {
                        return Failed($"the \"access\" of document \"{doc}\" must be an array of group names.");
                    }
                    documents[doc] = groups;
                }
            }
        }
        var folders = new List<(string, string[])>();
        if (top.ContainsKey(FoldersKey))
        {
            if (top[FoldersKey] is not JsonObject byFolder)
            {
                return Failed("\"folders\" must be an object of folder paths.");
            }
            foreach (var (folder, rule) in byFolder)
            {
                if (rule is not JsonObject ruleObject || Groups(ruleObject[AccessKey]) is not { } groups)
                {
                    return Failed($"the folder \"{folder}\" must be an object with \"access\", an array of group names.");
                }
                folders.Add((FolderPrefix(folder), groups));
            }
        }
        string[]? defaultGroups = null;
        if (top.ContainsKey(DefaultAccessKey) && (defaultGroups = Groups(top[DefaultAccessKey])) is null)
        {
            return Failed("\"defaultAccess\" must be an array of group names.");
        }
        return new AccessRules(documents, [.. folders.OrderByDescending(f => f.Item1.Length)], defaultGroups, null);
    }

    /// <summary>
    /// Reads the rules of the catalogue in <paramref name="seedsDirectory"/>; <see cref="None"/> when there is no
    /// catalogue.
    /// </summary>
    public static AccessRules Load(string seedsDirectory)
    {
        var path = Path.Combine(seedsDirectory, Ingestion.Catalog.FileName);
        try
        {
            if (!File.Exists(path))
            {
                return None;
            }
            var decoded = Ingestion.TextDecoder.Decode(File.ReadAllBytes(path), path);
            return decoded.IsSuccess ? Parse(decoded.Value) : Failed(decoded.Problems[0].Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed($"catalog.json cannot be read: {e.Message}");
        }
    }

    /// <summary>
    /// The catalogue's bytes without its access rules: what the text index depends on, so that a change of access
    /// alone does not make the index stale (<see cref="Ingestion.Catalog.WithoutAccessRules"/>).
    /// </summary>
    public static byte[] WithoutRules(byte[] catalog) => Ingestion.Catalog.WithoutAccessRules(catalog);

    /// <summary>A short key naming the rules' content, for logs and tests.</summary>
    public static string Digest(IEnumerable<string> parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..16];

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private static AccessRules Failed(string problem) => new([], [], null, problem);

    private static string FolderPrefix(string folder)
    {
        var prefix = folder.Replace('\\', '/').TrimStart('/');
        if (prefix.StartsWith("./", StringComparison.Ordinal))
        {
            prefix = prefix[2..];
        }
        return prefix.Length == 0 || prefix.EndsWith('/') ? prefix : prefix + "/";
    }

    private static string[]? Groups(JsonNode? node)
    {
        if (node is not JsonArray array)
        {
            return null;
        }
        var groups = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is not JsonValue value || !value.TryGetValue<string>(out var name))
            {
                return null;
            }
            if (!string.IsNullOrWhiteSpace(name))
            {
                groups.Add(name.Trim());
            }
        }
        return [.. groups];
    }
}
