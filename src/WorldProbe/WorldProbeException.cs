namespace WorldProbe;

/// <summary>
/// An error caused by the user's input or setup (a bad file, an unknown name, a wrong option):
/// its message says what was wrong, where, and what to do. The CLI prints it without a stack trace
/// and exits with code 2.
/// </summary>
public class WorldProbeException : Exception
{
    /// <summary>Creates the error with a message meant for the user.</summary>
    public WorldProbeException(string message) : base(message) { }

    /// <summary>Creates the error with a message meant for the user and the underlying cause.</summary>
    public WorldProbeException(string message, Exception inner) : base(message, inner) { }
}
