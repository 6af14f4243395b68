using WorldProbe.Probing.Metrics;

namespace WorldProbe.Othello.Probes;

/// <summary>One probe's result: which model, target, kind and layer, and its test accuracy.</summary>
/// <param name="Model">"trained" or "random" (a randomly initialised model of the same shape).</param>
/// <param name="Target">Probe target name.</param>
/// <param name="Kind">linear or mlp.</param>
/// <param name="Layer">Residual-stream layer.</param>
/// <param name="Accuracy">Test accuracy over squares (all positions x 64).</param>
/// <param name="Low">Lower end of its 95% interval (bootstrap over test games).</param>
/// <param name="High">Upper end.</param>
/// <param name="MajorityAccuracy">Accuracy of the per-square majority class.</param>
/// <param name="Epochs">Training epochs (early stopping).</param>
/// <param name="Seconds">Training and test time.</param>
/// <param name="SquareAccuracy">Accuracy per square [64].</param>
/// <param name="Balanced">Balanced accuracy (mean per-class recall) with its interval: the fair score for the sparse targets.</param>
public sealed record ProbeLayerResult(string Model, string Target, string Kind, int Layer, double Accuracy, double Low, double High,
                                      double MajorityAccuracy, int Epochs, double Seconds, double[] SquareAccuracy, ConfidenceInterval Balanced);
