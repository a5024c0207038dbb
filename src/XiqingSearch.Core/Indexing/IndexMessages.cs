namespace XiqingSearch.Core.Indexing;

/// <summary>
/// The wording of every problem of the index folder and its builds, in one place. Core names no front end's
/// spelling (no <c>--index</c>): the command line adds its flag when it renders the problem's code.
/// </summary>
internal static class IndexMessages
{
    public static string Busy(string folder) =>
        $"Another build is writing the index in {folder}; try again when it has finished.";

    public static string WaitingForBuild(string folder) =>
        $"waiting for another build of {folder} to finish";

    public static string PathIsFile(string folder) =>
        $"The index path {folder} is a file, not a folder: remove it or choose another index folder.";

    public static string CannotCreate(string folder, string cause, string parent) =>
        $"Cannot create the index folder {folder}: {cause} in {parent}. Make the parent writable or choose another index folder.";

    public static string ReadOnly(string folder, string cause) =>
        $"Cannot write the index folder {folder}: {cause}. The last good index keeps serving; make the folder writable to rebuild.";

    public static string WriteFailed(string folder, string cause) =>
        $"Writing the index in {folder} failed: {cause} The last good index keeps serving.";

    /// <summary>The cause of a refused file operation, as a person reads it.</summary>
    public static string CauseOf(Exception e) => e is UnauthorizedAccessException ? "permission denied" : e.Message;
}
