using WorldProbe.Runs;

namespace WorldProbe.Othello.Release;

/// <summary>The Othello-GPT that ships in the repository, the default model of every Othello command and the demo.</summary>
public static class ShippedOthelloModel
{
    /// <summary>Its folder, relative to the repository root.</summary>
    public const string RelativePath = "models/othello-gpt-small";

    /// <summary>Its folder in this checkout (or under the current folder outside a checkout).</summary>
    public static string Folder => Path.Combine(RepositoryRoot.TryFind() ?? Environment.CurrentDirectory, RelativePath);
}
