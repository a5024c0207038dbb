namespace XiqingSearch.Core.Indexing;

/// <summary>
/// Failpoints for tests: <see cref="At"/> is called with a stage name (<c>documents-added</c>,
/// <c>before-commit</c>) and may throw to simulate a build killed at that point.
/// </summary>
internal sealed record BuildHooks(Action<string>? At = null)
{
    public static BuildHooks None { get; } = new();
}
