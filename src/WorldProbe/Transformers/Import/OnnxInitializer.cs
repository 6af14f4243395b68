using System.Runtime.InteropServices;
using Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace WorldProbe.Transformers.Import;

/// <summary>Turns an ONNX initializer (a TensorProto) into a TorchSharp tensor or into plain values.</summary>
public static class OnnxInitializer
{
    /// <summary>A float32 initializer as a tensor of the same shape.</summary>
    public static Tensor ToTensor(TensorProto proto)
    {
        if (proto.DataType != (int)TensorProto.Types.DataType.Float)
            throw new InvalidDataException($"ONNX initializer {proto.Name}: data type {proto.DataType}, expected float32.");
        if (proto.DataLocation == TensorProto.Types.DataLocation.External)
            throw new InvalidDataException($"ONNX initializer {proto.Name}: stored in an external file, which this importer does not read.");
        float[] values = proto.RawData.Length > 0
            ? MemoryMarshal.Cast<byte, float>(proto.RawData.Span).ToArray()
            : [.. proto.FloatData];
        long[] shape = [.. proto.Dims];
        long count = shape.Aggregate(1L, (a, b) => a * b);
        if (values.Length != count)
            throw new InvalidDataException($"ONNX initializer {proto.Name}: {values.Length} values for shape [{string.Join(", ", shape)}].");
        return tensor(values, shape, ScalarType.Float32);
    }

    /// <summary>An int64 initializer's values (shape constants such as the attention head count).</summary>
    public static long[] ToInt64(TensorProto proto)
    {
        if (proto.DataType != (int)TensorProto.Types.DataType.Int64)
            throw new InvalidDataException($"ONNX initializer {proto.Name}: data type {proto.DataType}, expected int64.");
        return proto.RawData.Length > 0 ? MemoryMarshal.Cast<byte, long>(proto.RawData.Span).ToArray() : [.. proto.Int64Data];
    }
}
