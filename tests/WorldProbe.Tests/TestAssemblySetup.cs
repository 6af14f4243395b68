using System.Runtime.CompilerServices;
using WorldProbe.Compute;

namespace WorldProbe.Tests;

static class TestAssemblySetup
{
    /// <summary>
    /// xunit runs two test classes at once on this 2-core machine; libtorch's OpenMP threads spin while
    /// waiting, so two processes' worth of threads per core slows every tensor test tenfold. One thread
    /// per test keeps both cores busy without oversubscription.
    /// </summary>
#pragma warning disable CA2255 // the test assembly's start-up is the place for this
    [ModuleInitializer]
    internal static void Initialize()
    {
        TorchRuntime.Initialize();
        TorchSharp.torch.set_num_threads(1);
    }
#pragma warning restore CA2255
}
