using System.Diagnostics;
using System.Text.Json;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.PyBridge;
using WorldProbe.Compute;
using WorldProbe.Runs;
using static TorchSharp.torch;

namespace WorldProbe.Probing;

/// <summary>
/// A one-hidden-layer MLP probe (<see cref="MlpProbeOptions"/>). Features are standardized with the
/// training rows' mean and standard deviation (residual streams have a few huge dimensions that
/// would otherwise dominate the first layer at this learning rate), targets are z-scored as for
/// the ridge probe. The kept model is the best validation epoch of the best weight decay; it is not
/// refitted on the validation rows.
/// </summary>
public sealed class MlpProbe : IRegressionProbe
{
    readonly Sequential network;
    readonly Tensor featureMean, featureScale; // [d] float32

    MlpProbe(Sequential network, Tensor featureMean, Tensor featureScale, TargetScaler scaler, MlpProbeOptions options, MlpFitReport report)
    {
        this.network = network;
        this.featureMean = featureMean;
        this.featureScale = featureScale;
        Scaler = scaler;
        Options = options;
        Report = report;
        network.eval();
    }

    /// <summary>The target standardization measured on the training rows.</summary>
    public TargetScaler Scaler { get; }

    /// <summary>The settings the probe was trained with.</summary>
    public MlpProbeOptions Options { get; }

    /// <summary>Weight decay search and training summary.</summary>
    public MlpFitReport Report { get; }

    /// <inheritdoc/>
    public long FeatureCount => featureMean.shape[0];

    /// <inheritdoc/>
    public long OutputCount => Scaler.OutputCount;

    /// <summary>Trains on features [n, d] and targets [n, k] (original units).</summary>
    public static MlpProbe Fit(Tensor features, Tensor targets, MlpProbeOptions? options = null, IProgressSink? progress = null)
    {
        options ??= new MlpProbeOptions();
        progress ??= IProgressSink.Silent;
        var watch = Stopwatch.StartNew();
        if (targets.dim() == 1) targets = targets.unsqueeze(1);
        if (features.dim() != 2 || features.shape[0] != targets.shape[0])
            throw new WorldProbeException($"MLP probe: features must be [n, d] and targets [n, k] with the same n; got [{string.Join(", ", features.shape)}] and [{string.Join(", ", targets.shape)}].");
        var device = options.Device is null ? features.device : TorchRuntime.ParseDevice(options.Device);
        long n = features.shape[0], d = features.shape[1], k = targets.shape[1];
        long validationRows = (long)Math.Round(n * options.ValidationFraction);
        if (validationRows < 1 || validationRows >= n)
            throw new WorldProbeException($"MLP probe: {n} rows with validation fraction {options.ValidationFraction} leaves no training or no validation rows.");

        using var scope = NewDisposeScope();
        var scaler = TargetScaler.Fit(targets);
        var y = scaler.Transform(targets).to(ScalarType.Float32, device); // [n, k]
        var x = features.to(ScalarType.Float32, device); // [n, d]
        var mean = x.mean([0L]);
        var scale = x.std(0, unbiased: false);
        scale = where(scale > 0, scale, ones_like(scale));

        using var splitGenerator = new Generator((ulong)options.Seed, device);
        var order = randperm(n, generator: splitGenerator, device: device);
        var validation = order.narrow(0, 0, validationRows);
        var training = order.narrow(0, validationRows, n - validationRows);
        var validationX = (x.index_select(0, validation) - mean) / scale;
        var validationY = y.index_select(0, validation);

        var losses = new double[options.WeightDecays.Length];
        var bestEpochs = new int[options.WeightDecays.Length];
        Sequential? best = null;
        int bestIndex = -1;
        using var task = progress.Start("MLP probe: weight decays x epochs", options.WeightDecays.Length * options.MaxEpochs, "epochs");
        for (int w = 0; w < options.WeightDecays.Length; w++)
        {
            var (model, loss, epoch) = Train(x, y, training, validationX, validationY, mean, scale, k, options.WeightDecays[w], options, device, task);
            losses[w] = loss;
            bestEpochs[w] = epoch;
            if (bestIndex < 0 || loss < losses[bestIndex])
            {
                best?.Dispose();
                best = model;
                bestIndex = w;
            }
            else model.Dispose();
        }

        var report = new MlpFitReport(options.WeightDecays, losses, bestEpochs, options.WeightDecays[bestIndex],
            n - validationRows, validationRows, watch.Elapsed.TotalSeconds);
        return new MlpProbe(best!, mean.MoveToOuterDisposeScope(), scale.MoveToOuterDisposeScope(), scaler, options, report);
    }

    static (Sequential Model, double Loss, int Epoch) Train(Tensor x, Tensor y, Tensor training, Tensor validationX, Tensor validationY,
        Tensor mean, Tensor scale, long k, double weightDecay, MlpProbeOptions options, Device device, IProgressTask task)
    {
        random.manual_seed(options.Seed);
        var model = Network(x.shape[1], options.HiddenSize, k);
        model.to(device);
        using var optimizer = optim.AdamW(model.parameters(), options.LearningRate, weight_decay: weightDecay);
        using var batchGenerator = new Generator((ulong)options.Seed + 1, device);
        double bestLoss = double.PositiveInfinity;
        int bestEpoch = 0, epochsWithoutGain = 0;
        Dictionary<string, Tensor>? bestState = null;
        for (int epoch = 1; epoch <= options.MaxEpochs; epoch++)
        {
            model.train();
            using (var epochScope = NewDisposeScope())
            {
                var shuffled = training.index_select(0, randperm(training.shape[0], generator: batchGenerator, device: device));
                for (long start = 0; start < shuffled.shape[0]; start += options.BatchSize)
                {
                    using var step = NewDisposeScope();
                    var rows = shuffled.narrow(0, start, Math.Min(options.BatchSize, shuffled.shape[0] - start));
                    var inputs = (x.index_select(0, rows) - mean) / scale; // [batch, d]
                    optimizer.zero_grad();
                    var loss = nn.functional.mse_loss(model.forward(inputs), y.index_select(0, rows));
                    loss.backward();
                    optimizer.step();
                }
            }
            task.Advance(1);

            model.eval();
            double validationLoss;
            using (no_grad())
            using (var evaluation = NewDisposeScope())
                validationLoss = nn.functional.mse_loss(model.forward(validationX), validationY).item<float>();
            if (validationLoss < bestLoss)
            {
                bestLoss = validationLoss;
                bestEpoch = epoch;
                epochsWithoutGain = 0;
                DisposeAll(bestState);
                bestState = model.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone().DetachFromDisposeScope());
            }
            else if (++epochsWithoutGain >= options.Patience)
            {
                task.Advance(options.MaxEpochs - epoch);
                break;
            }
        }
        model.load_state_dict(bestState!);
        DisposeAll(bestState);
        return (model, bestLoss, bestEpoch);
    }

    static Sequential Network(long inputs, int hidden, long outputs) =>
        nn.Sequential(("hidden", nn.Linear(inputs, hidden)), ("relu", nn.ReLU()), ("output", nn.Linear(hidden, outputs)));

    static void DisposeAll(Dictionary<string, Tensor>? state)
    {
        if (state is null) return;
        foreach (var tensor in state.Values) tensor.Dispose();
    }

    /// <inheritdoc/>
    public Tensor Predict(Tensor features)
    {
        if (features.dim() != 2 || features.shape[1] != FeatureCount)
            throw new WorldProbeException($"MLP probe: expected features [n, {FeatureCount}], got [{string.Join(", ", features.shape)}].");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var device = featureMean.device;
        long n = features.shape[0], chunk = Math.Max(1, (1L << 24) / FeatureCount);
        var parts = new List<Tensor>();
        for (long start = 0; start < n; start += chunk)
        {
            var rows = (features.narrow(0, start, Math.Min(chunk, n - start)).to(ScalarType.Float32, device) - featureMean) / featureScale;
            parts.Add(network.forward(rows).to(ScalarType.Float64).cpu());
        }
        var standardized = parts.Count == 0 ? zeros(0, OutputCount, ScalarType.Float64) : cat(parts, 0);
        return Scaler.InverseTransform(standardized).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public void Save(string safetensorsPath)
    {
        var tensors = network.state_dict().ToDictionary(p => p.Key, p => p.Value.cpu());
        tensors["feature_mean"] = featureMean.cpu();
        tensors["feature_scale"] = featureScale.cpu();
        AtomicFile.Write(safetensorsPath, stream => Safetensors.SaveStateDict(stream, tensors, leaveOpen: true));
        AtomicFile.WriteAllText(Path.ChangeExtension(safetensorsPath, ".json"),
            JsonSerializer.Serialize(new MlpProbeFile(Scaler, Options, Report), RunManifest.Json));
    }

    /// <summary>Reads a probe written by <see cref="Save"/>, onto the CPU.</summary>
    public static MlpProbe Load(string safetensorsPath)
    {
        string jsonPath = Path.ChangeExtension(safetensorsPath, ".json");
        if (!File.Exists(safetensorsPath) || !File.Exists(jsonPath))
            throw new WorldProbeException($"{safetensorsPath}: an MLP probe needs the .safetensors file and the .json beside it; save the probe again.");
        var file = JsonSerializer.Deserialize<MlpProbeFile>(File.ReadAllText(jsonPath), RunManifest.Json)
            ?? throw new WorldProbeException($"{jsonPath}: empty; save the probe again.");
        var tensors = Safetensors.LoadStateDict(safetensorsPath);
        if (!tensors.TryGetValue("feature_mean", out var mean) || !tensors.TryGetValue("feature_scale", out var scale) || !tensors.ContainsKey("hidden.weight"))
            throw new WorldProbeException($"{safetensorsPath}: needs tensors hidden.*, output.*, feature_mean and feature_scale; save the probe again.");
        var network = Network(mean.shape[0], (int)tensors["hidden.weight"].shape[0], file.Scaler.OutputCount);
        network.load_state_dict(tensors.Where(p => p.Key.StartsWith("hidden.") || p.Key.StartsWith("output.")).ToDictionary());
        return new MlpProbe(network, mean, scale, file.Scaler, file.Options, file.Report);
    }

    /// <summary>Frees the network and the feature statistics.</summary>
    public void Dispose()
    {
        network.Dispose();
        featureMean.Dispose();
        featureScale.Dispose();
    }

    sealed record MlpProbeFile(TargetScaler Scaler, MlpProbeOptions Options, MlpFitReport Report);
}
