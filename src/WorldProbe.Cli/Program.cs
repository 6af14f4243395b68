using WorldProbe.Cli;

return WorldProbeCommandLine.Run(args);
