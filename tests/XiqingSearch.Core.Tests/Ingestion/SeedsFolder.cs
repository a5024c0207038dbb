namespace XiqingSearch.Core.Tests.Ingestion;

/// <summary>Finds the repository's seeds folder by walking up to the folder that holds XiqingSearch.sln.</summary>
internal static class SeedsFolder
{
    public static string Path { get; } = Find();

    private static string Find() => Testing.RepositoryRoot.Seeds;
}
