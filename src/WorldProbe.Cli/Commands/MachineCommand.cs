using System.CommandLine;
using TorchSharp;
using WorldProbe.Compute;
using WorldProbe.Runs;

namespace WorldProbe.Cli.Commands;

/// <summary>`worldprobe machine`: what this build runs on, and how fast it multiplies matrices.</summary>
public static class MachineCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var device = CommonOptions.Device();
        var command = new Command("machine", "Show the build, libtorch and the machine's matrix-multiply rate (fp32, bf16).") { json, device };
        CommandAction.Set(command, parse =>
        {
            var dev = TorchRuntime.ParseDevice(parse.GetValue(device)!);
            var result = new
            {
                worldProbe = BuildInfo.Version,
                commit = BuildInfo.GitCommit,
                machine = BuildInfo.Machine,
                libtorch = torch.__version__,
                threads = torch.get_num_threads(),
                device = dev.ToString(),
                matmulFp32GFlops = Math.Round(MatmulRate.Measure(2048, torch.ScalarType.Float32, device: dev), 1),
                matmulBf16GFlops = Math.Round(MatmulRate.Measure(2048, torch.ScalarType.BFloat16, device: dev), 1),
            };
            if (parse.GetValue(json)) CommonOptions.PrintJson(result);
            else
                foreach (var property in result.GetType().GetProperties())
                    System.Console.Out.WriteLine($"{property.Name,-18} {property.GetValue(result)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
