using System.IO.MemoryMappedFiles;
using Lucene.Net.Store;

namespace XiqingSearch.Core.Search.Commit;

/// <summary>
/// A read-only view of one commit's files, each mapped into memory whole: opening a commit maps its files (no
/// copy, so a server is ready at once at any size), and the pages a search touches stay in the page cache and in
/// the process's resident set, shared with every other process reading the index. A reader is a position in a
/// mapping, shared by every clone without locks: Lucene's own <see cref="MMapDirectory"/> registers each clone in
/// a weak map under a lock (on every term lookup) and checks bounds per buffer, which cost 20–30% of a search of
/// the 1,000-copy archive, and the earlier remedy, a copy of the whole commit into arrays, took seconds and held
/// the commit twice in memory while it was made. The files of a commit never change, so nothing is ever written;
/// <see cref="CommitLoader"/> maps them once and the view lives as long as the commit's reader.
/// <para>
/// A mapping is released (unmapped) only when no input of it is reachable any more, by its finalizer, never when
/// the directory is disposed: an input that outlived its reader (a row read after a refresh) then reads the old
/// commit's bytes instead of freed memory. Unix keeps a mapped file readable after a build deletes it.
/// </para>
/// </summary>
internal sealed class MemoryCommitDirectory : BaseDirectory
{
    private readonly Dictionary<string, MappedFile> _files = new(StringComparer.Ordinal);

    public MemoryCommitDirectory() => SetLockFactory(NoLockFactory.GetNoLockFactory());

    /// <summary>Maps <paramref name="name"/> of the folder <paramref name="folder"/> (whole, read-only).</summary>
    public void Map(string folder, string name) => _files[name] = MappedFile.Open(Path.Combine(folder, name));

    /// <summary>Bytes mapped in all (the commit's size).</summary>
    public long MappedBytes => _files.Values.Sum(f => f.Length);

    public override string[] ListAll() => [.. _files.Keys];

    [Obsolete("Lucene's own deprecation; kept for the abstract member.")]
    public override bool FileExists(string name) => _files.ContainsKey(name);

    public override void DeleteFile(string name) =>
        throw new NotSupportedException("A commit held in memory is read-only.");

    public override long FileLength(string name) => File(name).Length;

    public override IndexOutput CreateOutput(string name, IOContext context) =>
        throw new NotSupportedException("A commit held in memory is read-only.");

    public override void Sync(ICollection<string> names)
    {
    }

    public override IndexInput OpenInput(string name, IOContext context)
    {
        var file = File(name);
        return new MappedInput(name, file, 0, file.Length);
    }

    /// <summary>A compound file's entries as windows of its one mapping, read as directly as a file of their own.</summary>
    public override IndexInputSlicer CreateSlicer(string name, IOContext context) => new Slicer(name, File(name));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // The mappings go when their last input does (see the class remarks).
            _files.Clear();
        }
        IsOpen = false;
    }

    private MappedFile File(string name) =>
        _files.TryGetValue(name, out var file) ? file : throw new FileNotFoundException(name);

    /// <summary>One file's read-only mapping and the address it starts at (null for an empty file, which has no mapping).</summary>
    private sealed unsafe class MappedFile
    {
        private readonly MemoryMappedViewAccessor? _view;

        private MappedFile(MemoryMappedViewAccessor? view, byte* start, long length)
        {
            _view = view;
            Start = start;
            Length = length;
        }

        ~MappedFile()
        {
            // Unreachable, so no input reads it any more: unmap. The view's handle is a critical finalizer object,
            // finalized after this one, so it is still there to release.
            if (_view is not null)
            {
                _view.SafeMemoryMappedViewHandle.ReleasePointer();
                _view.Dispose();
            }
        }

        public byte* Start { get; }

        public long Length { get; }

        public static MappedFile Open(string path)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var length = stream.Length;
            if (length == 0)
            {
                return new MappedFile(null, null, 0);
            }
            // The file handle and the mapping object are closed at once; the view keeps the pages mapped.
            using var mapping = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read,
                HandleInheritability.None, leaveOpen: true);
            var view = mapping.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* start = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
            return new MappedFile(view, start + view.PointerOffset, length);
        }
    }

    /// <summary>A window [start, start + length) of a file's mapping; clones and slices share the mapping.</summary>
    private sealed unsafe class MappedInput(string name, MappedFile file, long start, long length)
        : IndexInput($"MemoryCommitDirectory({name})"), Indexing.IMemoryInput
    {
        // Holding the file keeps its mapping alive as long as this input is reachable.
        private readonly MappedFile _file = file;
        private readonly byte* _start = file.Start + start;
        private readonly long _length = length;
        private long _position;

        public override long Length => _length;

        public override long Position => _position;

        public override byte ReadByte()
        {
            if (_position >= _length)
            {
                throw new EndOfStreamException($"read past the end of {this}");
            }
            return _start[_position++];
        }

        public override void ReadBytes(byte[] b, int offset, int len)
        {
            ArgumentNullException.ThrowIfNull(b);
            if (len < 0 || len > _length - _position)
            {
                throw new EndOfStreamException($"read past the end of {this}");
            }
            new ReadOnlySpan<byte>(_start + _position, len).CopyTo(b.AsSpan(offset, len));
            _position += len;
        }

        public override short ReadInt16()
        {
            if (_length - _position < sizeof(short))
            {
                return base.ReadInt16();
            }
            var value = System.Buffers.Binary.BinaryPrimitives.ReadInt16BigEndian(new ReadOnlySpan<byte>(_start + _position, sizeof(short)));
            _position += sizeof(short);
            return value;
        }

        public override int ReadInt32()
        {
            if (_length - _position < sizeof(int))
            {
                return base.ReadInt32();
            }
            var value = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(new ReadOnlySpan<byte>(_start + _position, sizeof(int)));
            _position += sizeof(int);
            return value;
        }

        public override long ReadInt64()
        {
            if (_length - _position < sizeof(long))
            {
                return base.ReadInt64();
            }
            var value = System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(new ReadOnlySpan<byte>(_start + _position, sizeof(long)));
            _position += sizeof(long);
            return value;
        }

        public override void Seek(long pos)
        {
            if (pos < 0 || pos > _length)
            {
                throw new EndOfStreamException($"seek to {pos} outside {this}");
            }
            _position = pos;
        }

        public ReadOnlySpan<byte> Remaining => new(_start + _position, (int)Math.Min(int.MaxValue, _length - _position));

        public void Skip(int count)
        {
            if (count < 0 || count > _length - _position)
            {
                throw new EndOfStreamException($"read past the end of {this}");
            }
            _position += count;
        }

        public override object Clone() => new MappedInput(name, _file, _start - _file.Start, _length) { _position = _position };

        /// <summary>A window of this input, for a compound file's entry.</summary>
        public MappedInput Slice(string description, long offset, long sliceLength)
        {
            if (offset < 0 || sliceLength < 0 || offset > _length - sliceLength)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), $"slice {description} [{offset}, +{sliceLength}) outside {this}");
            }
            return new MappedInput(description, _file, _start - _file.Start + offset, sliceLength);
        }

        protected override void Dispose(bool disposing)
        {
        }
    }

    private sealed class Slicer(string name, MappedFile file) : IndexInputSlicer
    {
        private readonly MappedInput _whole = new(name, file, 0, file.Length);

        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            _whole.Slice($"{name}:{sliceDescription}", offset, length);

        [Obsolete("Lucene's own deprecation; kept for the abstract member.")]
        public override IndexInput OpenFullSlice() => (IndexInput)_whole.Clone();

        protected override void Dispose(bool disposing)
        {
        }
    }
}
