using System.Runtime.InteropServices;
using XiqingSearch.Core.Ingestion.Model;

namespace XiqingSearch.Core.Ingestion;

/// <summary>
/// Decides whether an entry of the seeds folder can be a source before anything opens it: only a regular file,
/// or a symbolic link that ends at one, is read. A FIFO named <c>*.txt</c> would block the first read forever, a
/// dangling or looping link would fail it, a directory or device is no document: each is named with its reason.
/// On Linux the file type comes from <c>statx</c>, which follows links and never opens the entry; .NET itself only
/// tells files from folders.
/// </summary>
internal static class SourceFileCheck
{
    /// <summary>
    /// Null when <paramref name="path"/> is, or links to, a regular file; else why it is not a source, as the
    /// skipped entry named <paramref name="name"/> (its path under the seeds folder).
    /// </summary>
    public static SkippedDocument? Check(string path, string name)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is { } target)
        {
            FileSystemInfo? final;
            try
            {
                final = info.ResolveLinkTarget(returnFinalTarget: true);
            }
            catch (IOException)
            {
                return new SkippedDocument(name, ProblemCodes.BrokenLink, null, IngestMessages.LinkLoopReason(target));
            }
            if (final is null || !final.Exists)
            {
                return new SkippedDocument(name, ProblemCodes.BrokenLink, null,
                    IngestMessages.DanglingLinkReason(final?.FullName ?? target));
            }
        }
        var kind = FileKind(path);
        return kind is null ? null : new SkippedDocument(name, ProblemCodes.NotAFile, null, IngestMessages.NotAFileReason(kind));
    }

    /// <summary>Null for a regular file, else what the entry is ("a FIFO (named pipe)", "a folder", …).</summary>
    private static string? FileKind(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            var buffer = new byte[256];
            try
            {
                if (Statx(AtFdCwd, path, 0, StatxType, buffer) == 0)
                {
                    var mode = BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000;
                    return mode switch
                    {
                        0x8000 => null,
                        0x1000 => "a FIFO (named pipe)",
                        0x4000 => "a folder",
                        0x2000 => "a character device",
                        0x6000 => "a block device",
                        0xC000 => "a socket",
                        _ => "not a regular file",
                    };
                }
                // An error here (no permission, vanished) is reported by the read, with its own message.
                return null;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // An old C library without statx: fall through to what .NET can tell.
            }
        }
        var attributes = File.GetAttributes(path);
        return (attributes & FileAttributes.Directory) != 0 ? "a folder"
            : (attributes & FileAttributes.Device) != 0 ? "a device"
            : null;
    }

    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;

    /// <summary><c>stx_mode</c> in <c>struct statx</c>, whose layout is the same on every Linux architecture.</summary>
    private const int ModeOffset = 28;

    // DllImport rather than LibraryImport: the generated stub needs unsafe code, and this call marshals a string
    // and a byte array, both of which the runtime's built-in marshaller handles.
    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directoryFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags,
        uint mask, [Out] byte[] buffer);
}
