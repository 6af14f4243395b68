using System.Diagnostics;
using System.Security.Cryptography;
using WorldProbe.Runs;

namespace WorldProbe.Tests.Foundation;

/// <summary>
/// The MSBuild task that makes libLibTorchSharp.so load on GCC 12's libstdc++ (build/LibTorchSharpFix.cs),
/// run for real through `dotnet msbuild` on a copy of the NuGet package's library.
/// </summary>
public class NativeFixTests
{
    static string PackagedLibrary()
    {
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
    }

    static string RunTask(string library, string systemLibStdCxx)
    {
        string directory = Path.GetDirectoryName(library)!;
        string project = Path.Combine(directory, "patch.proj");
        string targets = Path.Combine(RepositoryRoot.Find(), "build", "LibTorchSharpFix.targets");
        File.WriteAllText(project, $"""
            <Project>
              <Import Project="{targets}" />
              <Target Name="Patch">
                <PatchLibTorchSharp Libraries="{library}" SystemLibStdCxx="{systemLibStdCxx}">
                  <Output TaskParameter="Outcome" PropertyName="Outcome" />
                </PatchLibTorchSharp>
                <Message Importance="high" Text="OUTCOME=$(Outcome)" />
              </Target>
            </Project>
            """);
        var info = new ProcessStartInfo("dotnet", $"msbuild \"{project}\" -t:Patch -nologo -v:m")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        using var process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output);
        string line = output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("OUTCOME=", StringComparison.Ordinal));
        return line["OUTCOME=".Length..];
    }

    static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    static string OldLibStdCxx(string directory)
    {
        // Stands in for GCC 12's libstdc++: its newest version string is GLIBCXX_3.4.30.
        string path = Path.Combine(directory, "libstdc++-old.so.6");
        File.WriteAllBytes(path, "\0GLIBCXX_3.4.29\0GLIBCXX_3.4.30\0"u8.ToArray());
        return path;
    }

    [Fact]
    public void PatchesOnceThenRecognisesItsOwnWork()
    {
        string original = PackagedLibrary();
        Assert.True(File.Exists(original), $"TorchSharp's native library is not at {original}");
        string originalHash = Hash(original);
        string directory = Directory.CreateTempSubdirectory("wp-nativefix-").FullName;
        string copy = Path.Combine(directory, "libLibTorchSharp.so");
        File.Copy(original, copy);

        Assert.Equal("patched", RunTask(copy, OldLibStdCxx(directory)));
        string once = Hash(copy);
        Assert.NotEqual(originalHash, once);
        // Building twice: the second run changes nothing.
        Assert.Equal("already-patched", RunTask(copy, OldLibStdCxx(directory)));
        Assert.Equal(once, Hash(copy));
        // Only the given copy was touched, never the NuGet cache.
        Assert.Equal(originalHash, Hash(original));
        // The patch is the minimal one: same size, only a handful of bytes differ.
        byte[] before = File.ReadAllBytes(original), after = File.ReadAllBytes(copy);
        Assert.Equal(before.Length, after.Length);
        Assert.InRange(before.Zip(after).Count(pair => pair.First != pair.Second), 1, 4);
        Directory.Delete(directory, true);
    }

    [Fact]
    public void SkipsWhenSystemLibStdCxxHasTheVersion()
    {
        string directory = Directory.CreateTempSubdirectory("wp-nativefix-").FullName;
        string copy = Path.Combine(directory, "libLibTorchSharp.so");
        File.Copy(PackagedLibrary(), copy);
        string modern = Path.Combine(directory, "libstdc++-new.so.6");
        File.WriteAllBytes(modern, "\0GLIBCXX_3.4.31\0GLIBCXX_3.4.32\0GLIBCXX_3.4.33\0"u8.ToArray());
        string before = Hash(copy);
        Assert.Equal("not-needed", RunTask(copy, modern));
        Assert.Equal(before, Hash(copy));
        Directory.Delete(directory, true);
    }

    [Fact]
    public void BuildOutputCopyIsPatchedAndLoads()
    {
        // This test process itself runs on the patched copy: TorchSharp loading at all is the proof.
        string output = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(output));
        if (!File.ReadAllBytes(FindSystemLibStdCxx()).AsSpan().ContainsSubsequence("GLIBCXX_3.4.32\0"u8))
            Assert.NotEqual(Hash(PackagedLibrary()), Hash(output));
        using var product = TorchSharp.torch.ones(2, 2).matmul(TorchSharp.torch.ones(2, 2));
        Assert.Equal(2f, product[0, 0].item<float>());
    }

    static string FindSystemLibStdCxx() =>
        new[] { "/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/lib/x86_64-linux-gnu", "/usr/lib" }
            .Select(d => Path.Combine(d, "libstdc++.so.6")).First(File.Exists);
}

static class SpanSearch
{
    public static bool ContainsSubsequence(this Span<byte> haystack, ReadOnlySpan<byte> needle) => haystack.IndexOf(needle) >= 0;
}
