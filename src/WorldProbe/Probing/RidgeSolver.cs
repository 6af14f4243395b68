using System.Text.Json.Serialization;

namespace WorldProbe.Probing;

/// <summary>Which matrix the closed-form leave-one-out ridge decomposes.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RidgeSolver>))]
public enum RidgeSolver
{
    /// <summary>Covariance when rows outnumber features, Gram otherwise: the smaller matrix.</summary>
    Auto,
    /// <summary>Eigendecomposition of the d x d centered covariance X_c^T X_c (cost n d^2 + d^3); for n &gt; d.</summary>
    Covariance,
    /// <summary>Eigendecomposition of the n x n centered Gram matrix X_c X_c^T (cost n^2 d + n^3); for n &lt;= d.</summary>
    Gram,
}
