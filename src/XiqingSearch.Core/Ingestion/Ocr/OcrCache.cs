using System.Security.Cryptography;

namespace XiqingSearch.Core.Ingestion.Ocr;

/// <summary>
/// Tesseract's output per page, kept on disk under the file's SHA-256, the page, the resolution, the languages and
/// the Tesseract version: an unchanged file is never recognised again, and a change to any of these is a different
/// entry. The raw TSV is kept (not the lines made of it), so a better layout rule applies to cached pages too.
/// Writes go to a temporary file renamed into place, so a build stopped mid-write leaves no half entry.
/// </summary>
internal sealed class OcrCache(string? directory)
{
    /// <summary>No cache entry is larger: a page's TSV is a few hundred KiB.</summary>
    private const long MaxEntryBytes = 16L * 1024 * 1024;

    public bool TryRead(string key, out string tsv)
    {
        tsv = "";
        if (directory is null)
        {
            return false;
        }
        var path = PathOf(key);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxEntryBytes)
            {
                return false;
            }
            tsv = File.ReadAllText(path, Encoding.UTF8);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Write(string key, string tsv)
    {
        if (directory is null)
        {
            return;
        }
        var path = PathOf(key);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
            File.WriteAllText(temporary, tsv, Encoding.UTF8);
            File.Move(temporary, path, overwrite: true);
        }
        catch (IOException)
        {
            // A cache that cannot be written costs time at the next build, never text.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The key of one page: the file's hash, the page (0 for an image file) and what shapes the result.</summary>
    public static string Key(string sha256, int page, int dpi, string languages, string version) =>
        $"{sha256}-p{page}-{dpi}dpi-{new string([.. languages.Select(c => char.IsAsciiLetterOrDigit(c) ? c : (char)0x5F)])}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(version)))[..8]}";

    private string PathOf(string key) => Path.Combine(directory!, key[..2], key + ".tsv");
}
