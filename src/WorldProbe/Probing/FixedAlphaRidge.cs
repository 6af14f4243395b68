using static TorchSharp.torch;

namespace WorldProbe.Probing;

/// <summary>
/// Ridge regression at one fixed alpha from sufficient statistics (XᵀX, XᵀY, sums, row count), so that
/// fits that leave out a subset of rows cost O(|subset| d²) + one d × d solve instead of a pass over all
/// rows: block and entity-type holdouts refit once per held-out group. The same model as
/// <see cref="RidgeProbe"/> at a single alpha: unpenalized intercept, features centered, and, with one
/// alpha shared by all outputs, the z-scoring of the targets cancels (weight = (X_cᵀX_c + αI)⁻¹ X_cᵀ(Y − ȳ)).
/// Everything is float64; features are shifted by a fixed reference mean before accumulation so the
/// centering does not lose precision.
/// </summary>
public sealed class FixedAlphaRidge : IDisposable
{
    readonly Tensor shift;          // [d] reference mean subtracted before accumulating
    readonly Tensor crossFeatures;  // [d, d] Σ (x - shift)(x - shift)ᵀ
    readonly Tensor crossTargets;   // [d, k] Σ (x - shift) yᵀ
    readonly Tensor featureSum;     // [d] Σ (x - shift)
    readonly Tensor targetSum;      // [k] Σ y

    FixedAlphaRidge(Tensor shift, Tensor crossFeatures, Tensor crossTargets, Tensor featureSum, Tensor targetSum, long rows)
    {
        this.shift = shift;
        this.crossFeatures = crossFeatures;
        this.crossTargets = crossTargets;
        this.featureSum = featureSum;
        this.targetSum = targetSum;
        Rows = rows;
    }

    /// <summary>Rows the statistics hold.</summary>
    public long Rows { get; }

    /// <summary>Statistics of features [n, d] and targets [n, k] (any float dtype).</summary>
    public static FixedAlphaRidge Of(Tensor features, Tensor targets)
    {
        using var scope = NewDisposeScope();
        var x = features.to_type(ScalarType.Float64);
        var y = (targets.dim() == 1 ? targets.unsqueeze(1) : targets).to_type(ScalarType.Float64);
        var shift = x.mean([0L]);
        var centered = x - shift;
        return new FixedAlphaRidge(shift.MoveToOuterDisposeScope(), centered.t().matmul(centered).MoveToOuterDisposeScope(),
            centered.t().matmul(y).MoveToOuterDisposeScope(), centered.sum([0L]).MoveToOuterDisposeScope(),
            y.sum([0L]).MoveToOuterDisposeScope(), x.shape[0]);
    }

    /// <summary>The statistics without the given rows (which must be among the rows they were built from).</summary>
    public FixedAlphaRidge Without(Tensor features, Tensor targets)
    {
        using var scope = NewDisposeScope();
        var x = features.to_type(ScalarType.Float64) - shift;
        var y = (targets.dim() == 1 ? targets.unsqueeze(1) : targets).to_type(ScalarType.Float64);
        long rows = Rows - x.shape[0];
        if (rows < 2) throw new WorldProbeException($"ridge: leaving out {x.shape[0]} of {Rows} rows leaves fewer than 2 to fit.");
        return new FixedAlphaRidge(shift.clone().MoveToOuterDisposeScope(), (crossFeatures - x.t().matmul(x)).MoveToOuterDisposeScope(),
            (crossTargets - x.t().matmul(y)).MoveToOuterDisposeScope(), (featureSum - x.sum([0L])).MoveToOuterDisposeScope(),
            (targetSum - y.sum([0L])).MoveToOuterDisposeScope(), rows);
    }

    /// <summary>Weight [d, k] and intercept [k] (float64, original units) of the ridge fit at <paramref name="alpha"/>.</summary>
    public (Tensor Weight, Tensor Intercept) Solve(double alpha)
    {
        using var scope = NewDisposeScope();
        var featureMean = featureSum / Rows;  // [d], shifted
        var targetMean = targetSum / Rows;    // [k]
        var covariance = crossFeatures - Rows * featureMean.outer(featureMean);
        var cross = crossTargets - Rows * featureMean.outer(targetMean);
        long d = covariance.shape[0];
        var weight = linalg.solve(covariance + alpha * eye(d, dtype: ScalarType.Float64), cross); // [d, k]
        var intercept = targetMean - (featureMean + shift).matmul(weight);
        return (weight.MoveToOuterDisposeScope(), intercept.MoveToOuterDisposeScope());
    }

    /// <summary>Predictions [n, k] (float64) of the fit at <paramref name="alpha"/> for features [n, d].</summary>
    public Tensor Predict(Tensor features, double alpha)
    {
        var (weight, intercept) = Solve(alpha);
        using (weight)
        using (intercept)
            return features.to_type(ScalarType.Float64).matmul(weight) + intercept;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        shift.Dispose();
        crossFeatures.Dispose();
        crossTargets.Dispose();
        featureSum.Dispose();
        targetSum.Dispose();
    }
}
