using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using TorchSharp.PyBridge;
using WorldProbe.Compute;
using WorldProbe.Runs;
using static TorchSharp.torch;

namespace WorldProbe.Probing;

/// <summary>
/// A linear probe: ridge regression with an unpenalized intercept on the raw features, targets
/// z-scored with the training rows' mean and standard deviation, alpha chosen by exact
/// leave-one-out cross-validation (<see cref="RidgeLeaveOneOut"/>). Weights are kept in the
/// targets' original units: prediction = features . Weights + Intercept.
/// </summary>
public sealed class RidgeProbe : IRegressionProbe
{
    RidgeProbe(Tensor weights, Tensor intercept, TargetScaler scaler, RidgeFitReport report)
    {
        Weights = weights;
        Intercept = intercept;
        Scaler = scaler;
        Report = report;
    }

    /// <summary>[d, k] float64 on the CPU, original target units per feature unit.</summary>
    public Tensor Weights { get; }

    /// <summary>[k] float64 on the CPU, original target units.</summary>
    public Tensor Intercept { get; }

    /// <summary>The target standardization measured on the training rows.</summary>
    public TargetScaler Scaler { get; }

    /// <summary>The alpha search: grid, leave-one-out errors, choice, edge warning, fit time.</summary>
    public RidgeFitReport Report { get; }

    /// <inheritdoc/>
    public long FeatureCount => Weights.shape[0];

    /// <inheritdoc/>
    public long OutputCount => Weights.shape[1];

    /// <summary>Fits on features [n, d] and targets [n, k] (original units).</summary>
    public static RidgeProbe Fit(Tensor features, Tensor targets, RidgeOptions? options = null, IProgressSink? progress = null)
    {
        options ??= new RidgeOptions();
        var watch = Stopwatch.StartNew();
        using var scope = NewDisposeScope();
        if (targets.dim() == 1) targets = targets.unsqueeze(1);
        var device = options.Device is null ? features.device : TorchRuntime.ParseDevice(options.Device);
        var scaler = TargetScaler.Fit(targets);
        var standardized = scaler.Transform(targets);
        using var path = RidgeLeaveOneOut.Compute(features, standardized, options.Alphas, options.Solver, device, progress: progress, eigenThreads: options.EigenThreads);

        int a = path.Alphas.Length, k = (int)standardized.shape[1];
        var meanError = path.LeaveOneOutSquaredError.Select(row => row.Average()).ToArray();
        int[] chosen = options.AlphaPerOutput
            ? Enumerable.Range(0, k).Select(o => ArgMin(path.LeaveOneOutSquaredError.Select(row => row[o]).ToArray())).ToArray()
            : Enumerable.Repeat(ArgMin(meanError), k).ToArray();

        // Standardized coefficients of each output at its alpha, then back to original units.
        var columns = Enumerable.Range(0, k).Select(o => path.Coefficients[.., chosen[o], o]).ToArray();
        var scale = tensor(scaler.Scale, ScalarType.Float64, device);
        var weights = stack(columns, 1) * scale; // [d, k]
        var intercept = tensor(scaler.Mean, ScalarType.Float64, device) - path.FeatureMean.matmul(weights); // [k]

        bool onEdge = chosen.Any(i => a > 1 && (i == 0 || i == a - 1));
        string? warning = onEdge
            ? $"ridge: the chosen alpha ({string.Join(", ", chosen.Distinct().Select(i => path.Alphas[i].ToString("G4")))}) is on the edge of the grid [{path.Alphas[0]:G4}, {path.Alphas[^1]:G4}]: the best alpha may lie outside; widen the grid."
            : null;
        var report = new RidgeFitReport(path.Alphas, path.LeaveOneOutSquaredError, meanError,
            chosen.Select(i => path.Alphas[i]).ToArray(), chosen, onEdge, warning, path.Solver,
            features.shape[0], features.shape[1], k, watch.Elapsed.TotalSeconds, path.Seconds);
        return new RidgeProbe(weights.cpu().contiguous().MoveToOuterDisposeScope(), intercept.cpu().MoveToOuterDisposeScope(), scaler, report);
    }

    /// <inheritdoc/>
    public Tensor Predict(Tensor features)
    {
        using var scope = NewDisposeScope();
        if (features.dim() != 2 || features.shape[1] != FeatureCount)
            throw new WorldProbeException($"ridge probe: expected features [n, {FeatureCount}], got [{string.Join(", ", features.shape)}].");
        long n = features.shape[0], chunk = Math.Max(1, (1L << 24) / FeatureCount);
        var weights = Weights.to(features.device);
        var intercept = Intercept.to(features.device);
        var parts = new List<Tensor>();
        for (long start = 0; start < n; start += chunk)
        {
            var rows = features.narrow(0, start, Math.Min(chunk, n - start)).to_type(ScalarType.Float64);
            parts.Add(rows.matmul(weights).add_(intercept).cpu());
        }
        var result = parts.Count == 0 ? zeros(0, OutputCount, ScalarType.Float64) : cat(parts, 0);
        return result.MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public void Save(string safetensorsPath)
    {
        var tensors = new Dictionary<string, Tensor> { ["weight"] = Weights, ["intercept"] = Intercept };
        AtomicFile.Write(safetensorsPath, stream => Safetensors.SaveStateDict(stream, tensors, leaveOpen: true));
        var settings = new RidgeProbeFile(Scaler, Report);
        AtomicFile.WriteAllText(Path.ChangeExtension(safetensorsPath, ".json"), JsonSerializer.Serialize(settings, FileJson));
    }

    /// <summary>Reads a probe written by <see cref="Save"/>.</summary>
    public static RidgeProbe Load(string safetensorsPath)
    {
        string jsonPath = Path.ChangeExtension(safetensorsPath, ".json");
        if (!File.Exists(jsonPath)) throw new WorldProbeException($"{jsonPath}: missing; a ridge probe is saved as a .safetensors file with a .json beside it.");
        var settings = JsonSerializer.Deserialize<RidgeProbeFile>(File.ReadAllText(jsonPath), FileJson)
            ?? throw new WorldProbeException($"{jsonPath}: empty; save the probe again.");
        if (!File.Exists(safetensorsPath)) throw new WorldProbeException($"{safetensorsPath}: missing; give the .safetensors file that RidgeProbe.Save wrote.");
        var tensors = Safetensors.LoadStateDict(safetensorsPath);
        if (!tensors.TryGetValue("weight", out var weight) || !tensors.TryGetValue("intercept", out var intercept))
            throw new WorldProbeException($"{safetensorsPath}: needs tensors 'weight' and 'intercept'; save the probe again.");
        return new RidgeProbe(weight, intercept, settings.Scaler, settings.Report);
    }

    /// <summary>Frees the weights.</summary>
    public void Dispose()
    {
        Weights.Dispose();
        Intercept.Dispose();
    }

    static int ArgMin(double[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
            if (values[i] < values[best]) best = i; // ties keep the smaller alpha, as numpy.argmin does
        return best;
    }

    // A row the fit interpolates has an infinite leave-one-out error; JSON must be able to say so.
    static readonly JsonSerializerOptions FileJson = new(RunManifest.Json) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    sealed record RidgeProbeFile(TargetScaler Scaler, RidgeFitReport Report);
}
