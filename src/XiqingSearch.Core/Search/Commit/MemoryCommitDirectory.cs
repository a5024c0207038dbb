using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace XiqingSearch.Core.Search.Commit;

/// <summary>
/// A read-only copy of one commit's files in memory, one array per file. Lucene's <see cref="RAMDirectory"/> keeps
/// files in 1 KB buffers and takes a lock each time a reader crosses into the next one, so reading the postings of
/// a common phrase (tens of thousands of documents) spent an eighth of its time on that lock; here a reader is an
/// offset into an array, shared by every clone without locks. The files of a commit never change, so nothing is
/// ever written; <see cref="CommitLoader"/> fills it once and it lives as long as the commit's reader.
/// </summary>
internal sealed class MemoryCommitDirectory : BaseDirectory
{
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public MemoryCommitDirectory() => SetLockFactory(NoLockFactory.GetNoLockFactory());

    /// <summary>Copies <paramref name="name"/> from <paramref name="source"/> (whole, in one read).</summary>
    public void CopyFrom(LuceneDirectory source, string name)
    {
        using var input = source.OpenInput(name, IOContext.READ_ONCE);
        var length = input.Length;
        if (length > Array.MaxLength)
        {
            throw new IOException($"{name} is {length} bytes, too large to hold in one array.");
        }
        var bytes = new byte[length];
        input.ReadBytes(bytes, 0, bytes.Length);
        _files[name] = bytes;
    }

    public override string[] ListAll() => [.. _files.Keys];

    [Obsolete("Lucene's own deprecation; kept for the abstract member.")]
    public override bool FileExists(string name) => _files.ContainsKey(name);

    public override void DeleteFile(string name) =>
        throw new NotSupportedException("A commit held in memory is read-only.");

    public override long FileLength(string name) =>
        _files.TryGetValue(name, out var bytes) ? bytes.Length : throw new FileNotFoundException(name);

    public override IndexOutput CreateOutput(string name, IOContext context) =>
        throw new NotSupportedException("A commit held in memory is read-only.");

    public override void Sync(ICollection<string> names)
    {
    }

    public override IndexInput OpenInput(string name, IOContext context) =>
        _files.TryGetValue(name, out var bytes) ? new ArrayInput(name, bytes, 0, bytes.Length) : throw new FileNotFoundException(name);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _files.Clear();
        }
        IsOpen = false;
    }

    /// <summary>A window [start, start + length) of a file's array; clones and slices share the array.</summary>
    private sealed class ArrayInput(string name, byte[] bytes, int start, int length) : IndexInput($"MemoryCommitDirectory({name})")
    {
        private readonly byte[] _bytes = bytes;
        private readonly int _start = start;
        private readonly int _end = start + length;
        private int _position = start;

        public override long Length => _end - _start;

        public override long Position => _position - _start;

        public override byte ReadByte()
        {
            if (_position >= _end)
            {
                throw new EndOfStreamException($"read past the end of {this}");
            }
            return _bytes[_position++];
        }

        public override void ReadBytes(byte[] b, int offset, int len)
        {
            if (len > _end - _position)
            {
                throw new EndOfStreamException($"read past the end of {this}");
            }
            Buffer.BlockCopy(_bytes, _position, b, offset, len);
            _position += len;
        }

        public override void Seek(long pos)
        {
            if (pos < 0 || pos > _end - _start)
            {
                throw new EndOfStreamException($"seek to {pos} outside {this}");
            }
            _position = _start + (int)pos;
        }

        public override object Clone() => new ArrayInput(name, _bytes, _start, _end - _start) { _position = _position };

        protected override void Dispose(bool disposing)
        {
        }
    }
}
