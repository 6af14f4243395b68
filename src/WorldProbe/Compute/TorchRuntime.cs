using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TorchSharp;

namespace WorldProbe.Compute;

/// <summary>
/// Prepares libtorch for use: loads the small provider of <c>std::ios_base_library_init</c> that the
/// patched libLibTorchSharp.so expects on systems with an older libstdc++ (see docs/native-fix.md),
/// and resolves <c>--device</c> names. Runs automatically when the WorldProbe assembly loads.
/// </summary>
public static class TorchRuntime
{
    const int RtldNow = 2, RtldGlobal = 0x100;
    static int initialized;

    [DllImport("libc", EntryPoint = "dlopen")]
    static extern IntPtr DlOpen(string path, int flags);

#pragma warning disable CA2255 // a library initialiser is the point: the shim must load before any TorchSharp call
    [ModuleInitializer]
    internal static void InitializeOnLoad() => Initialize();
#pragma warning restore CA2255

    /// <summary>Idempotent; call before the first TorchSharp call from code outside this assembly.</summary>
    public static void Initialize()
    {
        if (Interlocked.Exchange(ref initialized, 1) == 1) return;
        if (!OperatingSystem.IsLinux()) return;
        string shim = Path.Combine(AppContext.BaseDirectory, "libworldprobe_iosinit.so");
        // RTLD_GLOBAL so that the symbol is visible when TorchSharp later dlopens its own library.
        if (File.Exists(shim)) DlOpen(shim, RtldNow | RtldGlobal);
    }

    /// <summary>Parses a device name ("cpu", "cuda", "cuda:1"); fails clearly when CUDA is not built in.</summary>
    public static torch.Device ParseDevice(string name)
    {
        Initialize();
        string lower = name.Trim().ToLowerInvariant();
        if (lower == "cpu") return torch.CPU;
        if (lower.StartsWith("cuda", StringComparison.Ordinal))
        {
            if (!torch.cuda.is_available())
                throw new WorldProbeException($"--device {name}: this build has no usable CUDA (it uses the CPU libtorch package). See docs/gpu.md to build against libtorch-cuda.");
            return new torch.Device(lower);
        }
        throw new WorldProbeException($"--device {name}: unknown device; use cpu or cuda[:N].");
    }
}
