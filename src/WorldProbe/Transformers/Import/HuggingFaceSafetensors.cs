using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;
using TorchSharp.PyBridge;
using WorldProbe.Runs;
using static TorchSharp.torch;

namespace WorldProbe.Transformers.Import;

/// <summary>
/// Writes a state dict as model.safetensors the way transformers saves one: TorchSharp.PyBridge
/// serializes the tensors, and the header gains <c>"__metadata__": {"format": "pt"}</c>, which older
/// transformers releases require (they call <c>metadata.get("format")</c> without a null check).
/// Data offsets count from the end of the header, so growing the header moves nothing.
/// </summary>
public static class HuggingFaceSafetensors
{
    /// <summary>Writes <paramref name="weights"/> to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, Dictionary<string, Tensor> weights)
    {
        using var plain = new MemoryStream();
        Safetensors.SaveStateDict(plain, weights, leaveOpen: true);
        var bytes = plain.GetBuffer().AsSpan(0, (int)plain.Length);
        int headerLength = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(bytes));
        var header = JsonNode.Parse(bytes.Slice(8, headerLength))!.AsObject();
        header["__metadata__"] = new JsonObject { ["format"] = "pt" };
        var newHeader = Encoding.UTF8.GetBytes(header.ToJsonString());
        // safetensors pads the header with spaces so that the data starts 8-byte aligned.
        int padded = (newHeader.Length + 7) / 8 * 8;
        var data = plain.GetBuffer().AsMemory(8 + headerLength, (int)plain.Length - 8 - headerLength);
        AtomicFile.Write(path, stream =>
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)padded);
            stream.Write(length);
            stream.Write(newHeader);
            for (int i = newHeader.Length; i < padded; i++) stream.WriteByte((byte)' ');
            stream.Write(data.Span);
        });
    }
}
