using Onnx;
using static TorchSharp.torch;

namespace WorldProbe.Transformers.Import;

/// <summary>
/// Recovers a Hugging Face BertModel checkpoint from a torch.onnx export of it. Embeddings, biases
/// and LayerNorm parameters keep their Hugging Face names in the ONNX file; the Linear weights were
/// stored transposed ([in, out]) under anonymous numbers, so each one is named by following the
/// graph: the MatMul it feeds is followed by exactly one Add whose other input is a named bias, and
/// the weight takes that bias's name with "bias" replaced by "weight".
/// </summary>
public sealed class OnnxBertImport : IDisposable
{
    /// <summary>The encoder's shape, read from the tensors and the graph.</summary>
    public required BertFolderConfig Config { get; init; }

    /// <summary>Every BertModel tensor by its Hugging Face name, float32, Linear weights [out, in].</summary>
    public required Dictionary<string, Tensor> Weights { get; init; }

    /// <summary>Reads the encoder from <paramref name="model"/>; <paramref name="source"/> names it in errors.</summary>
    public static OnnxBertImport Read(ModelProto model, string source)
    {
        var graph = model.Graph;
        var initializers = graph.Initializer.ToDictionary(i => i.Name);
        var consumers = graph.Node.SelectMany(n => n.Input.Select(input => (input, n))).ToLookup(x => x.input, x => x.n);
        var producer = graph.Node.SelectMany(n => n.Output.Select(output => (output, n))).ToDictionary(x => x.output, x => x.n);
        var weights = new Dictionary<string, Tensor>();
        try
        {
            foreach (var initializer in graph.Initializer)
                if (IsHuggingFaceName(initializer.Name) && initializer.DataType == (int)TensorProto.Types.DataType.Float)
                    weights[initializer.Name] = OnnxInitializer.ToTensor(initializer);

            foreach (var node in graph.Node.Where(n => n.OpType == "MatMul"))
            {
                if (!initializers.TryGetValue(node.Input[1], out var matrix) || matrix.Dims.Count != 2) continue;
                var adds = consumers[node.Output[0]].Where(n => n.OpType == "Add").ToList();
                string? bias = adds.Count == 1
                    ? adds[0].Input.FirstOrDefault(i => i != node.Output[0] && initializers.ContainsKey(i) && i.EndsWith(".bias", StringComparison.Ordinal))
                    : null;
                if (bias is null)
                    throw new InvalidDataException($"{source}: MatMul {node.Name} (weight {matrix.Name}) does not feed one Add with a named bias; not a torch.onnx BERT export.");
                string name = bias[..^"bias".Length] + "weight";
                if (weights.ContainsKey(name))
                    throw new InvalidDataException($"{source}: two MatMul weights map to {name}.");
                if (matrix.Dims[1] != initializers[bias].Dims[0])
                    throw new InvalidDataException($"{source}: MatMul {node.Name} gives {matrix.Dims[1]} outputs but {bias} has {initializers[bias].Dims[0]}.");
                using var stored = OnnxInitializer.ToTensor(matrix); // [in, out]
                weights[name] = stored.t().contiguous();             // [out, in], as nn.Linear keeps it
            }

            var config = ReadConfig(weights, initializers, consumers, producer, graph, source);
            foreach (var (name, shape) in config.TensorShapes())
            {
                if (!weights.TryGetValue(name, out var tensor))
                    throw new InvalidDataException($"{source}: no tensor for {name}.");
                if (!tensor.shape.SequenceEqual(shape))
                    throw new InvalidDataException($"{source}: {name} has shape [{string.Join(", ", tensor.shape)}], expected [{string.Join(", ", shape)}].");
            }
            return new OnnxBertImport { Config = config, Weights = weights };
        }
        catch
        {
            foreach (var tensor in weights.Values) tensor.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var tensor in Weights.Values) tensor.Dispose();
    }

    static bool IsHuggingFaceName(string name) =>
        name.StartsWith("embeddings.", StringComparison.Ordinal) || name.StartsWith("encoder.layer.", StringComparison.Ordinal);

    static BertFolderConfig ReadConfig(
        Dictionary<string, Tensor> weights, Dictionary<string, TensorProto> initializers,
        ILookup<string, NodeProto> consumers, Dictionary<string, NodeProto> producer, GraphProto graph, string source)
    {
        long[] Shape(string name) => weights.TryGetValue(name, out var t) ? t.shape
            : throw new InvalidDataException($"{source}: no tensor for {name}.");
        var words = Shape("embeddings.word_embeddings.weight");
        int layers = weights.Keys
            .Where(k => k.StartsWith("encoder.layer.", StringComparison.Ordinal))
            .Select(k => int.Parse(k.Split('.')[2], System.Globalization.CultureInfo.InvariantCulture))
            .DefaultIfEmpty(-1).Max() + 1;

        // Heads: the query projection is reshaped to [batch, pos, n_heads, d_head] by a Concat of shape constants.
        const string queryBias = "encoder.layer.0.attention.self.query.bias";
        var queryAdd = consumers[queryBias].FirstOrDefault(n => n.OpType == "Add")
            ?? throw new InvalidDataException($"{source}: {queryBias} feeds no Add.");
        var reshape = consumers[queryAdd.Output[0]].FirstOrDefault(n => n.OpType == "Reshape")
            ?? throw new InvalidDataException($"{source}: the layer 0 query is not reshaped into heads.");
        var headShape = producer.TryGetValue(reshape.Input[1], out var concat) && concat.OpType == "Concat"
            ? concat.Input.Where(initializers.ContainsKey).SelectMany(i => OnnxInitializer.ToInt64(initializers[i])).ToArray()
            : [];
        if (headShape.Length != 2 || headShape[0] * headShape[1] != words[1])
            throw new InvalidDataException($"{source}: cannot read the head count from the layer 0 query reshape.");

        // LayerNorm epsilon: the constant added to the variance before the first Sqrt.
        var sqrt = graph.Node.First(n => n.OpType == "Sqrt");
        var varianceAdd = producer[sqrt.Input[0]];
        var epsilonNode = varianceAdd.Input.Select(i => producer.GetValueOrDefault(i)).FirstOrDefault(n => n?.OpType == "Constant")
            ?? throw new InvalidDataException($"{source}: cannot find the LayerNorm epsilon.");
        var epsilonTensor = epsilonNode.Attribute.First(a => a.Name == "value").T;
        float stored = epsilonTensor.RawData.Length == 4 ? BitConverter.ToSingle(epsilonTensor.RawData.Span) : epsilonTensor.FloatData[0];
        // Through the shortest float text, so 1e-12f is written as 1e-12 rather than 9.9999999600419720e-13.
        double epsilon = double.Parse(stored.ToString("R", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);

        return new BertFolderConfig(
            VocabularySize: (int)words[0],
            HiddenSize: (int)words[1],
            LayerCount: layers,
            HeadCount: (int)headShape[0],
            IntermediateSize: (int)Shape("encoder.layer.0.intermediate.dense.bias")[0],
            MaxPositions: (int)Shape("embeddings.position_embeddings.weight")[0],
            TypeVocabularySize: (int)Shape("embeddings.token_type_embeddings.weight")[0],
            LayerNormEpsilon: epsilon);
    }
}
