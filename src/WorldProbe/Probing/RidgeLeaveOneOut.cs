using System.Diagnostics;
using WorldProbe.Runs;
using static TorchSharp.torch;

namespace WorldProbe.Probing;

/// <summary>
/// Exact leave-one-out cross-validation of ridge regression with an unpenalized intercept, for a
/// whole alpha grid from one eigendecomposition (the same quantity as scikit-learn's RidgeCV with
/// cv=None). With centered features X_c and centered targets, the hat matrix of the model with
/// intercept is H = 11^T/n + X_c (X_c^T X_c + alpha I)^-1 X_c^T (the intercept column is orthogonal
/// to X_c and unpenalized), and the leave-one-out residual is e_i = (y_i - yhat_i) / (1 - H_ii),
/// which equals the residual of a refit without row i (intercept refitted too). docs/probes.md
/// derives it. Features may be float32 or float64 and stay where they are; every product is
/// float64 on row (or column) chunks, so memory stays at one chunk plus the d x d (or n x n) matrix.
/// </summary>
public static class RidgeLeaveOneOut
{
    const long ChunkElements = 1L << 24; // 128 MiB of float64 per chunk

    /// <summary>
    /// Solves ridge for every alpha and measures the leave-one-out squared error of each.
    /// </summary>
    /// <param name="features">[n, d], any floating dtype.</param>
    /// <param name="targets">[n, k], already standardized (mean 0 on these rows).</param>
    /// <param name="alphas">Increasing positive penalties.</param>
    /// <param name="solver">Which matrix to decompose; <see cref="RidgeSolver.Auto"/> picks the smaller.</param>
    /// <param name="device">Where to compute; the features' device when null.</param>
    /// <param name="keepResiduals">Also return every leave-one-out residual [n, alphas, k].</param>
    /// <param name="progress">Progress over the passes through the rows.</param>
    /// <param name="eigenThreads">libtorch threads for the eigendecomposition (null: leave as set); see <see cref="RidgeOptions.EigenThreads"/>.</param>
    public static RidgePath Compute(Tensor features, Tensor targets, IReadOnlyList<double> alphas,
        RidgeSolver solver = RidgeSolver.Auto, Device? device = null, bool keepResiduals = false, IProgressSink? progress = null, int? eigenThreads = 1)
    {
        if (features.dim() != 2 || targets.dim() != 2 || features.shape[0] != targets.shape[0])
            throw new WorldProbeException($"ridge: features must be [n, d] and targets [n, k] with the same n; got [{string.Join(", ", features.shape)}] and [{string.Join(", ", targets.shape)}].");
        if (features.shape[0] < 2) throw new WorldProbeException("ridge: leave-one-out needs at least 2 rows.");
        AlphaGrid.Validate(alphas);
        if (!targets.isfinite().all().item<bool>())
            throw new WorldProbeException("ridge: targets hold NaN or infinite values; drop those rows before fitting.");
        device ??= features.device;
        progress ??= IProgressSink.Silent;
        long n = features.shape[0], d = features.shape[1];
        if (solver == RidgeSolver.Auto) solver = n > d ? RidgeSolver.Covariance : RidgeSolver.Gram;
        return solver == RidgeSolver.Covariance
            ? Covariance(features, targets, [.. alphas], device, keepResiduals, progress, eigenThreads)
            : Gram(features, targets, [.. alphas], device, keepResiduals, progress, eigenThreads);
    }

    static RidgePath Covariance(Tensor features, Tensor targets, double[] alphas, Device device, bool keepResiduals, IProgressSink progress, int? eigenThreads)
    {
        using var scope = NewDisposeScope();
        var watch = Stopwatch.StartNew();
        long n = features.shape[0], d = features.shape[1], k = targets.shape[1], a = alphas.Length;
        long chunk = Math.Max(1, ChunkElements / d), block = Math.Max(256, (d + 7) / 8);
        var y = targets.to(ScalarType.Float64, device);
        using var task = progress.Start("ridge: covariance, eigendecomposition, leave-one-out", 3 * n, "rows");
        var mean = FeatureMean(features, chunk, device, task);

        var covariance = zeros(d, d, ScalarType.Float64, device); // X_c^T X_c
        var crossProduct = zeros(d, k, ScalarType.Float64, device); // X_c^T y
        for (long start = 0; start < n; start += chunk)
        {
            using var step = NewDisposeScope();
            long rows = Math.Min(chunk, n - start);
            var centered = Rows(features, start, rows, mean, device); // [rows, d]
            // eigh reads only the lower triangle, so build only block rows of it: 36/64 of the full product's flops.
            for (long first = 0; first < d; first += block)
            {
                long width = Math.Min(block, d - first);
                covariance.narrow(0, first, width).narrow(1, 0, first + width)
                    .addmm_(centered.narrow(1, first, width).t(), centered.narrow(1, 0, first + width));
            }
            crossProduct.addmm_(centered.t(), y.narrow(0, start, rows));
            task.Advance(rows);
        }

        double productSeconds = watch.Elapsed.TotalSeconds;
        task.SetDescription($"ridge: eigendecomposition of the {d} x {d} covariance");
        var (eigenvalues, eigenvectors) = Eigendecomposition(covariance, eigenThreads); // [d], [d, d] (lower triangle read)
        covariance.Dispose();
        double eigenSeconds = watch.Elapsed.TotalSeconds - productSeconds;
        eigenvalues = eigenvalues.clamp_min(0);
        var alphaTensor = tensor(alphas, ScalarType.Float64, device);
        var inverse = 1.0 / (eigenvalues.unsqueeze(1) + alphaTensor.unsqueeze(0)); // [d, a]
        var rotated = eigenvectors.t().mm(crossProduct); // [d, k]
        var shrunk = (rotated.unsqueeze(1) * inverse.unsqueeze(2)).reshape(d, a * k); // [d, a*k]

        task.SetDescription($"ridge: leave-one-out errors for {a} alphas");
        var squaredError = zeros(a, k, ScalarType.Float64, device);
        var residuals = new List<Tensor>();
        for (long start = 0; start < n; start += chunk)
        {
            using var step = NewDisposeScope();
            long rows = Math.Min(chunk, n - start);
            var projected = Rows(features, start, rows, mean, device).mm(eigenvectors); // [rows, d]
            var leverage = projected.square().mm(inverse) + 1.0 / n; // [rows, a]
            var fitted = projected.mm(shrunk).view(rows, a, k);
            var residual = LeaveOneOutResidual(y.narrow(0, start, rows), fitted, leverage); // [rows, a, k]
            squaredError.add_(residual.square().sum(0L));
            if (keepResiduals) residuals.Add(residual.MoveToOuterDisposeScope());
            task.Advance(rows);
        }

        var coefficients = eigenvectors.mm(shrunk).view(d, a, k);
        return Result(alphas, mean, coefficients, squaredError / n, keepResiduals ? cat(residuals, 0) : null, RidgeSolver.Covariance,
            new RidgePhaseSeconds(productSeconds, eigenSeconds, watch.Elapsed.TotalSeconds - productSeconds - eigenSeconds));
    }

    static RidgePath Gram(Tensor features, Tensor targets, double[] alphas, Device device, bool keepResiduals, IProgressSink progress, int? eigenThreads)
    {
        using var scope = NewDisposeScope();
        var watch = Stopwatch.StartNew();
        long n = features.shape[0], d = features.shape[1], k = targets.shape[1], a = alphas.Length;
        long rowChunk = Math.Max(1, ChunkElements / d), columnChunk = Math.Max(1, ChunkElements / n);
        var y = targets.to(ScalarType.Float64, device);
        using var task = progress.Start("ridge: Gram, eigendecomposition, leave-one-out", n + 2 * d, "rows+columns");
        var mean = FeatureMean(features, rowChunk, device, null);
        task.Advance(n);

        var gram = zeros(n, n, ScalarType.Float64, device); // X_c X_c^T
        for (long start = 0; start < d; start += columnChunk)
        {
            using var step = NewDisposeScope();
            var block = Columns(features, start, Math.Min(columnChunk, d - start), mean, device); // [n, columns]
            gram.addmm_(block, block.t());
            task.Advance(block.shape[1]);
        }

        double productSeconds = watch.Elapsed.TotalSeconds;
        task.SetDescription($"ridge: eigendecomposition of the {n} x {n} Gram matrix");
        var (eigenvalues, eigenvectors) = Eigendecomposition(gram, eigenThreads); // [n], [n, n]
        gram.Dispose();
        double eigenSeconds = watch.Elapsed.TotalSeconds - productSeconds;
        eigenvalues = eigenvalues.clamp_min(0);
        var alphaTensor = tensor(alphas, ScalarType.Float64, device);
        var denominator = eigenvalues.unsqueeze(1) + alphaTensor.unsqueeze(0); // [n, a]
        // The constant direction has eigenvalue 0, so its shrink factor is 0 and the intercept's 1/n is added apart.
        var shrink = eigenvalues.unsqueeze(1) / denominator; // [n, a]
        var rotated = eigenvectors.t().mm(y); // [n, k]
        var fitted = eigenvectors.mm((rotated.unsqueeze(1) * shrink.unsqueeze(2)).reshape(n, a * k)).view(n, a, k);
        var leverage = eigenvectors.square().mm(shrink) + 1.0 / n; // [n, a]
        var residual = LeaveOneOutResidual(y, fitted, leverage); // [n, a, k]
        var squaredError = residual.square().mean([0L]);

        // Dual solution: w = X_c^T (X_c X_c^T + alpha I)^-1 y.
        var dual = eigenvectors.mm((rotated.unsqueeze(1) / denominator.unsqueeze(2)).reshape(n, a * k)); // [n, a*k]
        var coefficients = zeros(d, a * k, ScalarType.Float64, device);
        for (long start = 0; start < d; start += columnChunk)
        {
            using var step = NewDisposeScope();
            var block = Columns(features, start, Math.Min(columnChunk, d - start), mean, device);
            coefficients.narrow(0, start, block.shape[1]).copy_(block.t().mm(dual));
            task.Advance(block.shape[1]);
        }
        return Result(alphas, mean, coefficients.view(d, a, k), squaredError, keepResiduals ? residual : null, RidgeSolver.Gram,
            new RidgePhaseSeconds(productSeconds, eigenSeconds, watch.Elapsed.TotalSeconds - productSeconds - eigenSeconds));
    }

    /// <summary>e_i = (y_i - yhat_i) / (1 - h_ii); a row the fit interpolates exactly (h = 1) gets an infinite error.</summary>
    static Tensor LeaveOneOutResidual(Tensor targets, Tensor fitted, Tensor leverage)
    {
        var residual = (targets.unsqueeze(1) - fitted) / (1.0 - leverage).unsqueeze(2); // [rows, a, k]
        return residual.nan_to_num(double.PositiveInfinity, double.PositiveInfinity, double.NegativeInfinity);
    }

    /// <summary>
    /// torch.linalg.eigh (lower triangle) with libtorch's intra-op threads set to <paramref name="threads"/>
    /// for its duration: on a shared 2-core machine the multi-threaded divide-and-conquer eigh ran
    /// 10 to 25 times slower than on one thread (docs/probes.md), while matrix products did not suffer.
    /// </summary>
    static (Tensor Values, Tensor Vectors) Eigendecomposition(Tensor symmetric, int? threads)
    {
        int previous = get_num_threads();
        bool change = threads is int wanted && wanted > 0 && wanted != previous && symmetric.device.type == TorchSharp.DeviceType.CPU;
        if (change) set_num_threads(threads!.Value);
        try { return linalg.eigh(symmetric); }
        finally { if (change) set_num_threads(previous); }
    }

    static Tensor FeatureMean(Tensor features, long chunk, Device device, IProgressTask? task)
    {
        long n = features.shape[0];
        var sum = zeros(features.shape[1], ScalarType.Float64, device);
        for (long start = 0; start < n; start += chunk)
        {
            using var step = NewDisposeScope();
            long rows = Math.Min(chunk, n - start);
            sum.add_(features.narrow(0, start, rows).to(ScalarType.Float64, device).sum(0L));
            task?.Advance(rows);
        }
        sum.div_(n);
        var finite = sum.isfinite();
        if (!finite.all().item<bool>())
        {
            long column = finite.logical_not().nonzero()[0, 0].item<long>();
            throw new WorldProbeException($"ridge: feature column {column} holds NaN or infinite values; clean or drop those rows before fitting.");
        }
        return sum;
    }

    static Tensor Rows(Tensor features, long start, long rows, Tensor mean, Device device) =>
        features.narrow(0, start, rows).to(ScalarType.Float64, device) - mean;

    static Tensor Columns(Tensor features, long start, long columns, Tensor mean, Device device) =>
        features.narrow(1, start, columns).to(ScalarType.Float64, device) - mean.narrow(0, start, columns);

    static RidgePath Result(double[] alphas, Tensor mean, Tensor coefficients, Tensor squaredError, Tensor? residuals, RidgeSolver solver, RidgePhaseSeconds seconds)
    {
        var errors = squaredError.cpu();
        long a = errors.shape[0], k = errors.shape[1];
        var flat = errors.contiguous().data<double>().ToArray();
        var perAlpha = Enumerable.Range(0, (int)a).Select(i => flat.AsSpan((int)(i * k), (int)k).ToArray()).ToArray();
        return new RidgePath
        {
            Alphas = alphas,
            FeatureMean = mean.MoveToOuterDisposeScope(),
            Coefficients = coefficients.contiguous().MoveToOuterDisposeScope(),
            LeaveOneOutSquaredError = perAlpha,
            Residuals = residuals?.MoveToOuterDisposeScope(),
            Solver = solver,
            Seconds = seconds,
        };
    }
}
