using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/WorldProbe.Bench -- --filter '*Matmul*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
