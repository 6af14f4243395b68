namespace WorldProbe.SpaceTime.Analysis;

/// <summary>One test entity's truth and the best layer's prediction.</summary>
/// <param name="EntityId">The entity's id in its dataset.</param>
/// <param name="Name">The entity's name.</param>
/// <param name="Group">Colour group for maps (continent, state, borough) or entity type.</param>
/// <param name="Truth">True target ([longitude, latitude] or [year]).</param>
/// <param name="Predicted">Predicted target.</param>
public sealed record TestPrediction(int EntityId, string Name, string Group, double[] Truth, double[] Predicted);
