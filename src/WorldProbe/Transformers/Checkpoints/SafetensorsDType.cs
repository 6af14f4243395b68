using static TorchSharp.torch;

namespace WorldProbe.Transformers.Checkpoints;

/// <summary>The safetensors dtype names ("F32", "BF16", ...) and their libtorch scalar types.</summary>
public static class SafetensorsDType
{
    static readonly (string Name, ScalarType Type, int Size)[] Table =
    [
        ("F64", ScalarType.Float64, 8), ("F32", ScalarType.Float32, 4), ("F16", ScalarType.Float16, 2),
        ("BF16", ScalarType.BFloat16, 2), ("I64", ScalarType.Int64, 8), ("I32", ScalarType.Int32, 4),
        ("I16", ScalarType.Int16, 2), ("I8", ScalarType.Int8, 1), ("U8", ScalarType.Byte, 1), ("BOOL", ScalarType.Bool, 1),
    ];

    /// <summary>The scalar type for a safetensors dtype name.</summary>
    public static ScalarType Parse(string name)
    {
        foreach (var row in Table)
            if (row.Name == name) return row.Type;
        throw new FormatException($"unsupported safetensors dtype '{name}' (supported: {string.Join(", ", Table.Select(r => r.Name))})");
    }

    /// <summary>The safetensors name of a scalar type.</summary>
    public static string Name(ScalarType type)
    {
        foreach (var row in Table)
            if (row.Type == type) return row.Name;
        throw new WorldProbeException($"tensors of type {type} cannot be written to safetensors; convert them to float32 first.");
    }

    /// <summary>Bytes per element.</summary>
    public static int ElementSize(ScalarType type)
    {
        foreach (var row in Table)
            if (row.Type == type) return row.Size;
        throw new FormatException($"no element size for {type}");
    }
}
