namespace XiqingSearch.Core.Access;

/// <summary>
/// Who a request is answered for: a signed-in user (or an API key, or nobody) and the groups the sign-on gives
/// them. Every answer the engine gives is the answer an index without the documents the caller may not see would
/// give. The operator (the command line reading the index folder, without <c>--groups</c>) sees everything.
/// </summary>
public sealed record Caller
{
    /// <summary>The group every caller is in, anonymous callers included; a document in it is public.</summary>
    public const string PublicGroup = "public";

    /// <summary>The user's name as the sign-on gives it (or the API key's name); null for an anonymous caller.</summary>
    public string? User { get; init; }

    /// <summary>The caller's groups, as the sign-on gives them (<see cref="PublicGroup"/> is implied).</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>True for the operator, who reads the index with the file system's permissions and sees every document.</summary>
    public bool SeesEverything { get; init; }

    /// <summary>The operator: sees every document, whatever the access rules say.</summary>
    public static Caller Operator { get; } = new() { User = null, SeesEverything = true };

    /// <summary>Nobody signed in: sees public documents only.</summary>
    public static Caller Anonymous { get; } = new();

    /// <summary>A caller in <paramref name="groups"/> (blank names dropped, repeats once, order kept).</summary>
    public static Caller InGroups(string? user, IEnumerable<string> groups) => new()
    {
        User = string.IsNullOrWhiteSpace(user) ? null : user,
        Groups = [.. groups.Select(g => g.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal)],
    };
}
