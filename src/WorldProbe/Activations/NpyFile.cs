using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using WorldProbe.Runs;
using static TorchSharp.torch;

namespace WorldProbe.Activations;

/// <summary>The header of a NumPy .npy file (format 1.0): element type, memory order and shape.</summary>
/// <param name="Descr">NumPy type string, such as "&lt;f4" (little-endian float32) or "&lt;f2" (float16).</param>
/// <param name="FortranOrder">Column-major data; WorldProbe only writes and reads row-major (false).</param>
/// <param name="Shape">The array's dimensions.</param>
/// <param name="DataOffset">Where the raw data starts in the file.</param>
public sealed record NpyHeader(string Descr, bool FortranOrder, long[] Shape, long DataOffset)
{
    /// <summary>Number of elements (the product of <see cref="Shape"/>).</summary>
    public long Count => Shape.Aggregate(1L, (a, b) => a * b);
}

/// <summary>
/// Reads and writes NumPy .npy files (format version 1.0, row-major, little-endian), readable by
/// <c>numpy.load</c> as they are. Headers are padded with spaces and end with a newline so that the
/// data starts on a 64-byte boundary, as NumPy itself writes them.
/// </summary>
public static partial class NpyFile
{
    static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];
    const int Alignment = 64;

    /// <summary>The NumPy type string of a tensor element type WorldProbe stores.</summary>
    public static string DescrOf(ScalarType type) => type switch
    {
        ScalarType.Float32 => "<f4",
        ScalarType.Float16 => "<f2",
        ScalarType.Float64 => "<f8",
        ScalarType.Int64 => "<i8",
        ScalarType.Int32 => "<i4",
        ScalarType.Byte => "|u1",
        _ => throw new ArgumentException($"no .npy type for {type}"),
    };

    static ScalarType TypeOf(string descr, string path) => descr switch
    {
        "<f4" => ScalarType.Float32,
        "<f2" => ScalarType.Float16,
        "<f8" => ScalarType.Float64,
        "<i8" => ScalarType.Int64,
        "<i4" => ScalarType.Int32,
        "|u1" => ScalarType.Byte,
        _ => throw new WorldProbeException($"{path}: .npy element type '{descr}' is not supported (use float16, float32, float64, int32, int64 or uint8)."),
    };

    /// <summary>The complete header bytes for an array of <paramref name="descr"/> and <paramref name="shape"/>.</summary>
    public static byte[] Header(string descr, IReadOnlyList<long> shape)
    {
        string dims = shape.Count == 1 ? $"{shape[0]}," : string.Join(", ", shape);
        string dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({dims}), }}";
        int unpadded = Magic.Length + 2 + 2 + dict.Length + 1;
        int padding = (Alignment - unpadded % Alignment) % Alignment;
        string text = dict + new string(' ', padding) + "\n";
        var header = new byte[Magic.Length + 4 + text.Length];
        Magic.CopyTo(header, 0);
        header[6] = 1; // major version
        header[7] = 0; // minor version
        header[8] = (byte)(text.Length & 0xff);
        header[9] = (byte)(text.Length >> 8);
        Encoding.ASCII.GetBytes(text, 0, text.Length, header, 10);
        return header;
    }

    /// <summary>Writes <paramref name="tensor"/> (any shape) as an .npy file, atomically.</summary>
    public static void Write(string path, Tensor tensor)
    {
        using var contiguous = tensor.cpu().contiguous();
        byte[] header = Header(DescrOf(contiguous.dtype), contiguous.shape);
        AtomicFile.Write(path, stream =>
        {
            stream.Write(header);
            stream.Write(contiguous.bytes);
        });
    }

    /// <summary>Reads and validates the header of the .npy file at <paramref name="path"/>.</summary>
    public static NpyHeader ReadHeader(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadHeader(stream, path);
    }

    static NpyHeader ReadHeader(Stream stream, string path)
    {
        var prefix = new byte[10];
        if (stream.ReadAtLeast(prefix, 10, throwOnEndOfStream: false) < 10 || !prefix.AsSpan(0, 6).SequenceEqual(Magic))
            throw new WorldProbeException($"{path}: not a NumPy .npy file (bad magic); the file is corrupt: delete it and extract again.");
        int major = prefix[6];
        int headerLength = major == 1 ? prefix[8] | prefix[9] << 8 : ReadLongHeaderLength(stream, prefix, path);
        int prefixLength = major == 1 ? 10 : 12;
        var text = new byte[headerLength];
        if (stream.ReadAtLeast(text, headerLength, throwOnEndOfStream: false) < headerLength)
            throw new WorldProbeException($"{path}: .npy header is truncated; the file is corrupt: delete it and extract again.");
        string dict = Encoding.ASCII.GetString(text);
        var match = HeaderPattern().Match(dict);
        if (!match.Success)
            throw new WorldProbeException($"{path}: cannot parse the .npy header \"{dict.Trim()}\".");
        long[] shape = match.Groups["shape"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var header = new NpyHeader(match.Groups["descr"].Value, match.Groups["fortran"].Value == "True", shape, prefixLength + headerLength);
        long expected = header.DataOffset + header.Count * ElementSize(TypeOf(header.Descr, path));
        if (stream.Length != expected)
            throw new WorldProbeException(
                $"{path}: holds {stream.Length} bytes but its header ({header.Descr}, shape ({string.Join(", ", shape)})) needs {expected}; " +
                "the file is truncated or corrupt: delete it and extract again.");
        return header;
    }

    static int ReadLongHeaderLength(Stream stream, byte[] prefix, string path)
    {
        if (prefix[6] is not (2 or 3))
            throw new WorldProbeException($"{path}: .npy format version {prefix[6]}.{prefix[7]} is not supported.");
        var rest = new byte[2];
        stream.ReadExactly(rest);
        return prefix[8] | prefix[9] << 8 | rest[0] << 16 | rest[1] << 24;
    }

    /// <summary>Reads the whole .npy file at <paramref name="path"/> into a CPU tensor.</summary>
    public static Tensor Read(string path)
    {
        using var stream = File.OpenRead(path);
        var header = ReadHeader(stream, path);
        if (header.FortranOrder)
            throw new WorldProbeException($"{path}: Fortran-ordered .npy files are not supported; save with numpy.ascontiguousarray.");
        var result = empty(header.Shape, TypeOf(header.Descr, path));
        stream.Position = header.DataOffset;
        stream.ReadExactly(result.bytes);
        return result;
    }

    static int ElementSize(ScalarType type) => type switch
    {
        ScalarType.Float64 or ScalarType.Int64 => 8,
        ScalarType.Float32 or ScalarType.Int32 => 4,
        ScalarType.Float16 => 2,
        _ => 1,
    };

    [GeneratedRegex(@"^\{\s*'descr':\s*'(?<descr>[^']+)',\s*'fortran_order':\s*(?<fortran>True|False),\s*'shape':\s*\((?<shape>[^)]*)\),?\s*\}\s*$")]
    private static partial Regex HeaderPattern();
}
