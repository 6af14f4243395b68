using System.Text;
using System.Text.Json;
using WorldProbe.Runs;
using static TorchSharp.torch;

namespace WorldProbe.Transformers.Checkpoints;

/// <summary>Writes tensors as one .safetensors file (atomically: temp file + rename).</summary>
public static class SafetensorsWriter
{
    /// <summary>
    /// Writes <paramref name="tensors"/> (any device or dtype the format supports) in the given order.
    /// Each tensor is copied to the CPU only while it is written.
    /// </summary>
    public static void Write(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var list = tensors.ToList();
        var header = new Dictionary<string, object>(StringComparer.Ordinal);
        if (metadata is { Count: > 0 }) header["__metadata__"] = metadata;
        long offset = 0;
        foreach (var (name, tensor) in list)
        {
            long size = tensor.numel() * SafetensorsDType.ElementSize(tensor.dtype);
            header[name] = new { dtype = SafetensorsDType.Name(tensor.dtype), shape = tensor.shape, data_offsets = new[] { offset, offset + size } };
            offset += size;
        }
        var headerBytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(header));
        // Pad with spaces so the data section starts 8-byte aligned, as the reference writer does.
        int padded = (headerBytes.Length + 7) / 8 * 8;
        var headerPadded = new byte[padded];
        Array.Fill(headerPadded, (byte)' ');
        headerBytes.CopyTo(headerPadded, 0);
        AtomicFile.Write(path, stream =>
        {
            stream.Write(BitConverter.GetBytes((long)padded));
            stream.Write(headerPadded);
            foreach (var (_, tensor) in list)
            {
                using var scope = NewDisposeScope();
                var cpu = tensor.detach().cpu().contiguous();
                if (cpu.numel() > 0) stream.Write(cpu.bytes);
            }
        });
    }
}
