namespace WorldProbe.Cli;

/// <summary>The program's exit codes.</summary>
public static class ExitCodes
{
    /// <summary>Everything worked and every check passed.</summary>
    public const int Ok = 0;
    /// <summary>The work ran but a check failed (for example a tolerance was exceeded).</summary>
    public const int CheckFailed = 1;
    /// <summary>Bad usage or bad input: the message says which file or option, where, and what to do.</summary>
    public const int BadInput = 2;
}
