using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace XiqingSearch.Core.Analysis.SmartCn;

/// <summary>
/// Reads the small subset of the Java object serialization stream used by <c>coredict.mem</c> and
/// <c>bigramdict.mem</c> (spec §12.2): arrays of primitives and nested arrays, class descriptors, back
/// references to descriptors and nulls. Primitive arrays are read in bulk: one block copy and one vectorised
/// byte swap per array, never an element-by-element object reader.
/// </summary>
internal ref struct JavaSerializationReader
{
    private const byte TcNull = 0x70;
    private const byte TcReference = 0x71;
    private const byte TcClassDesc = 0x72;
    private const byte TcArray = 0x75;
    private const byte TcEndBlockData = 0x78;
    private const int BaseHandle = 0x7E0000;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    // Handle → class name for descriptors; null for arrays (they also take a handle, §12.2, but are never
    // referenced again).
    private readonly List<string?> _handles;

    public JavaSerializationReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
        _handles = [];
        if (data.Length < 4 || BinaryPrimitives.ReadUInt16BigEndian(data) != 0xACED
            || BinaryPrimitives.ReadUInt16BigEndian(data[2..]) != 5)
        {
            throw new InvalidDataException("Not a Java serialization stream (bad magic or version).");
        }
        _position = 4;
    }

    /// <summary>True when every byte has been consumed (§12.2: no bytes after the top-level objects).</summary>
    public readonly bool AtEnd => _position == _data.Length;

    /// <summary>Reads one top-level object: a primitive array (<c>short[]</c>, <c>char[]</c>, <c>int[]</c>,
    /// <c>long[]</c>), an <c>object?[]</c> of nested arrays, or null.</summary>
    public object? ReadObject()
    {
        var tag = ReadByte();
        switch (tag)
        {
            case TcNull:
                return null;
            case TcArray:
                return ReadArrayBody();
            default:
                throw new InvalidDataException($"Unexpected serialization tag 0x{tag:X2} at byte {_position - 1}.");
        }
    }

    private object ReadArrayBody()
    {
        var className = ReadClassDescriptor();
        _handles.Add(null);
        var length = ReadInt32();
        if (length < 0 || className.Length < 2 || className[0] != '[')
        {
            throw new InvalidDataException($"Bad array header '{className}' length {length}.");
        }
        switch (className[1])
        {
            case 'S':
                {
                    var result = new short[length];
                    var bytes = Take(checked(length * 2));
                    BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, short>(bytes), result);
                    return result;
                }
            case 'C':
                {
                    var result = new char[length];
                    var bytes = Take(checked(length * 2));
                    BinaryPrimitives.ReverseEndianness(
                        MemoryMarshal.Cast<byte, ushort>(bytes), MemoryMarshal.Cast<char, ushort>(result.AsSpan()));
                    return result;
                }
            case 'I':
                {
                    var result = new int[length];
                    var bytes = Take(checked(length * 4));
                    BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, int>(bytes), result);
                    return result;
                }
            case 'J':
                {
                    var result = new long[length];
                    var bytes = Take(checked(length * 8));
                    BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<byte, long>(bytes), result);
                    return result;
                }
            case '[':
                {
                    var result = new object?[length];
                    for (var i = 0; i < length; i++)
                    {
                        result[i] = ReadObject();
                    }
                    return result;
                }
            default:
                throw new InvalidDataException($"Unsupported array class '{className}'.");
        }
    }

    private string ReadClassDescriptor()
    {
        var tag = ReadByte();
        if (tag == TcReference)
        {
            var index = ReadInt32() - BaseHandle;
            if (index < 0 || index >= _handles.Count || _handles[index] is not { } name)
            {
                throw new InvalidDataException("Reference to an unknown class descriptor.");
            }
            return name;
        }
        if (tag != TcClassDesc)
        {
            throw new InvalidDataException($"Expected a class descriptor, found tag 0x{tag:X2}.");
        }
        var nameLength = ReadUInt16();
        var className = System.Text.Encoding.ASCII.GetString(Take(nameLength));
        Take(8); // serialVersionUID: not checked, the class name fixes the layout.
        Take(1); // flags (SC_SERIALIZABLE)
        if (ReadUInt16() != 0 || ReadByte() != TcEndBlockData || ReadByte() != TcNull)
        {
            throw new InvalidDataException($"Unexpected class descriptor layout for '{className}'.");
        }
        _handles.Add(className);
        return className;
    }

    private byte ReadByte() => Take(1)[0];

    private ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

    private int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(4));

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _data.Length - _position)
        {
            throw new InvalidDataException("Serialization stream ends early.");
        }
        var span = _data.Slice(_position, count);
        _position += count;
        return span;
    }
}
