using WorldProbe.Othello.Probes;
using static TorchSharp.torch;

namespace WorldProbe.Interventions;

/// <summary>A way to change residual-stream vectors so that a probe reads one square as another class.</summary>
public interface IResidualEdit
{
    /// <summary>Short description for tables ("gradient, beta 0.2").</summary>
    string Description { get; }

    /// <summary>
    /// Returns edited copies of <paramref name="vectors"/> [cases, d_model] so that <paramref name="probe"/> reads square
    /// <paramref name="squares"/>[i] of row i as class <paramref name="targets"/>[i] (from class <paramref name="currents"/>[i]).
    /// </summary>
    Tensor Edit(Tensor vectors, BoardProbe probe, long[] squares, long[] currents, long[] targets);
}
