using System.IO.MemoryMappedFiles;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace WorldProbe.Transformers.Checkpoints;

/// <summary>
/// One .safetensors file, memory-mapped: an 8-byte little-endian header length, a JSON header
/// (name -> dtype, shape, data_offsets) and the raw tensor bytes. Tensors are read one at a time, so
/// loading a model never holds a second copy of all its weights.
/// </summary>
public sealed class SafetensorsFile : IDisposable
{
    readonly MemoryMappedFile map;
    readonly MemoryMappedViewAccessor view;
    readonly long dataStart;
    readonly Dictionary<string, SafetensorsEntry> entries;

    /// <summary>The file's path.</summary>
    public string Path { get; }

    /// <summary>The tensors in the file, by name.</summary>
    public IReadOnlyDictionary<string, SafetensorsEntry> Entries => entries;

    /// <summary>The header's free-form "__metadata__" strings (empty when absent).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    SafetensorsFile(string path)
    {
        Path = path;
        long length = new FileInfo(path).Length;
        if (length < 8) throw new WorldProbeException($"{path}: {length} bytes is too short for a safetensors file (8-byte header length + JSON header). Re-download or re-save the file.");
        map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        view = map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        long headerLength = view.ReadInt64(0);
        if (headerLength <= 0 || headerLength > length - 8)
            throw new WorldProbeException($"{path}: header length {headerLength} at offset 0 does not fit in the {length}-byte file; it is not a safetensors file or it is truncated.");
        var headerBytes = new byte[headerLength];
        view.ReadArray(8, headerBytes, 0, (int)headerLength);
        dataStart = 8 + headerLength;
        (entries, Metadata) = ParseHeader(path, headerBytes, length - dataStart);
    }

    /// <summary>Opens and validates the header of <paramref name="path"/>.</summary>
    public static SafetensorsFile Open(string path)
    {
        if (!File.Exists(path)) throw new WorldProbeException($"{path}: no such file.");
        return new SafetensorsFile(path);
    }

    /// <summary>Reads one tensor into a new CPU tensor with the file's dtype and shape.</summary>
    public Tensor Read(string name)
    {
        if (!entries.TryGetValue(name, out var entry))
            throw new WorldProbeException($"{Path}: no tensor named '{name}'.");
        long byteCount = entry.End - entry.Start;
        if (byteCount > int.MaxValue)
            throw new WorldProbeException($"{Path}: tensor '{name}' is {byteCount} bytes; tensors over 2 GiB are not supported (re-shard the checkpoint).");
        var tensor = empty(entry.Shape, dtype: entry.DType);
        if (byteCount == 0) return tensor;
        unsafe
        {
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            try
            {
                // One copy, straight from the page cache into the tensor's storage.
                tensor.bytes = new Span<byte>(pointer + view.PointerOffset + dataStart + entry.Start, (int)byteCount);
            }
            finally
            {
                view.SafeMemoryMappedViewHandle.ReleasePointer();
            }
        }
        return tensor;
    }

    static (Dictionary<string, SafetensorsEntry>, IReadOnlyDictionary<string, string>) ParseHeader(string path, byte[] header, long dataLength)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(header); }
        catch (JsonException error)
        {
            throw new WorldProbeException($"{path}: the JSON header (bytes 8..{8 + header.Length}) does not parse ({error.Message}); the file is corrupt.", error);
        }
        var entries = new Dictionary<string, SafetensorsEntry>(StringComparer.Ordinal);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        using (document)
        {
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "__metadata__")
                {
                    foreach (var item in property.Value.EnumerateObject()) metadata[item.Name] = item.Value.ToString();
                    continue;
                }
                try
                {
                    var value = property.Value;
                    var dtype = SafetensorsDType.Parse(value.GetProperty("dtype").GetString()!);
                    long[] shape = value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
                    long[] offsets = value.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
                    long expected = shape.Aggregate(1L, (a, b) => a * b) * SafetensorsDType.ElementSize(dtype);
                    if (offsets.Length != 2 || offsets[1] - offsets[0] != expected || offsets[0] < 0 || offsets[1] > dataLength)
                        throw new WorldProbeException($"{path}: tensor '{property.Name}' has data_offsets [{string.Join(", ", offsets)}] that do not match its shape [{string.Join(", ", shape)}] or lie outside the {dataLength} data bytes; the file is corrupt or truncated.");
                    entries[property.Name] = new SafetensorsEntry(property.Name, dtype, shape, offsets[0], offsets[1]);
                }
                catch (Exception error) when (error is KeyNotFoundException or InvalidOperationException or FormatException)
                {
                    throw new WorldProbeException($"{path}: header entry '{property.Name}' lacks dtype, shape or data_offsets ({error.Message}); the file is corrupt.", error);
                }
            }
        }
        return (entries, metadata);
    }

    /// <summary>Unmaps the file.</summary>
    public void Dispose()
    {
        view.Dispose();
        map.Dispose();
    }
}

/// <summary>One tensor's place in a safetensors file: dtype, shape and byte range within the data section.</summary>
public sealed record SafetensorsEntry(string Name, ScalarType DType, long[] Shape, long Start, long End);
