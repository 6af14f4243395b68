// MSBuild task (compiled by RoslynCodeTaskFactory, see LibTorchSharpFix.targets).
// TorchSharp 0.107's libLibTorchSharp.so was linked against GCC 13's libstdc++ and needs
// GLIBCXX_3.4.32 for one symbol, std::ios_base_library_init. Debian 12 ships GCC 12's libstdc++,
// so the dynamic loader refuses the library. This task edits the copy in the build output (never the
// NuGet cache): it marks the GLIBCXX_3.4.32 requirement weak (VER_FLG_WEAK in .gnu.version_r) and
// makes the symbols bound to it unversioned (.gnu.version index 1). The symbol itself is then
// provided by libworldprobe_iosinit.so, which WorldProbe loads with RTLD_GLOBAL first.
// Idempotent: a patched file is recognised and left alone; where the system libstdc++ already
// defines GLIBCXX_3.4.32 nothing is touched.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class PatchLibTorchSharp : Task
{
    const string MissingVersion = "GLIBCXX_3.4.32";
    const ushort VerFlagWeak = 0x2;
    const uint ShtDynsym = 11, ShtGnuVersym = 0x6fffffff, ShtGnuVerneed = 0x6ffffffe;

    /// <summary>Every libLibTorchSharp.so to patch in place.</summary>
    [Required] public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The system libstdc++ to test for GLIBCXX_3.4.32; empty = search the usual places.</summary>
    public string SystemLibStdCxx { get; set; } = "";

    /// <summary>One word per library: patched, already-patched, not-needed.</summary>
    [Output] public string Outcome { get; set; } = "";

    public override bool Execute()
    {
        string libstdcxx = SystemLibStdCxx.Length > 0 ? SystemLibStdCxx : FindSystemLibStdCxx();
        if (libstdcxx.Length > 0 && FileContains(libstdcxx, MissingVersion + "\0"))
        {
            Outcome = "not-needed";
            Log.LogMessage(MessageImportance.Low, "libstdc++ at {0} has {1}: no patch needed", libstdcxx, MissingVersion);
            return true;
        }
        var outcomes = new StringBuilder();
        foreach (var item in Libraries)
        {
            string outcome = PatchFile(item.ItemSpec);
            outcomes.Append(outcomes.Length > 0 ? ";" : "").Append(outcome);
            Log.LogMessage(MessageImportance.Normal, "LibTorchSharp fix: {0} {1}", outcome, item.ItemSpec);
        }
        Outcome = outcomes.ToString();
        return !Log.HasLoggedErrors;
    }

    static string FindSystemLibStdCxx()
    {
        foreach (var dir in new[] { "/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib" })
        {
            string path = Path.Combine(dir, "libstdc++.so.6");
            if (File.Exists(path)) return path;
        }
        return "";
    }

    static bool FileContains(string path, string text)
    {
        // MSBuild compiles this task against netstandard2.0: no spans, so a plain scan.
        byte[] haystack = File.ReadAllBytes(path), needle = Encoding.ASCII.GetBytes(text);
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            int k = 0;
            while (k < needle.Length && haystack[i + k] == needle[k]) k++;
            if (k == needle.Length) return true;
        }
        return false;
    }

    string PatchFile(string path)
    {
        byte[] elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[4] != 2 || elf[5] != 1)
        {
            Log.LogError("{0}: not a little-endian 64-bit ELF file", path);
            return "error";
        }
        long shoff = BitConverter.ToInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3a), shnum = BitConverter.ToUInt16(elf, 0x3c);
        long verneed = -1, versym = -1, dynsym = -1, dynstr = -1, dynsymSize = 0;
        int verneedCount = 0;
        for (int i = 0; i < shnum; i++)
        {
            long sh = shoff + (long)i * shentsize;
            uint type = BitConverter.ToUInt32(elf, (int)sh + 4);
            long offset = BitConverter.ToInt64(elf, (int)sh + 0x18), size = BitConverter.ToInt64(elf, (int)sh + 0x20);
            uint link = BitConverter.ToUInt32(elf, (int)sh + 0x28), info = BitConverter.ToUInt32(elf, (int)sh + 0x2c);
            if (type == ShtGnuVerneed) { verneed = offset; verneedCount = (int)info; }
            else if (type == ShtGnuVersym) versym = offset;
            else if (type == ShtDynsym)
            {
                dynsym = offset; dynsymSize = size;
                dynstr = BitConverter.ToInt64(elf, (int)(shoff + (long)link * shentsize) + 0x18);
            }
        }
        if (verneed < 0 || versym < 0 || dynsym < 0)
        {
            Log.LogError("{0}: no symbol version sections", path);
            return "error";
        }

        // Find the GLIBCXX_3.4.32 requirement (Elf64_Verneed / Elf64_Vernaux).
        int vernauxOffset = -1;
        ushort versionIndex = 0;
        long need = verneed;
        for (int n = 0; n < verneedCount && vernauxOffset < 0; n++)
        {
            int auxCount = BitConverter.ToUInt16(elf, (int)need + 2);
            long aux = need + BitConverter.ToUInt32(elf, (int)need + 8);
            for (int a = 0; a < auxCount; a++)
            {
                uint name = BitConverter.ToUInt32(elf, (int)aux + 8);
                if (ReadString(elf, dynstr + name) == MissingVersion)
                {
                    vernauxOffset = (int)aux;
                    versionIndex = (ushort)(BitConverter.ToUInt16(elf, (int)aux + 6) & 0x7fff);
                    break;
                }
                aux += BitConverter.ToUInt32(elf, (int)aux + 12);
            }
            need += BitConverter.ToUInt32(elf, (int)need + 12);
        }
        if (vernauxOffset < 0) return "not-needed";

        bool changed = false;
        ushort flags = BitConverter.ToUInt16(elf, vernauxOffset + 4);
        if ((flags & VerFlagWeak) == 0)
        {
            WriteUInt16(elf, vernauxOffset + 4, (ushort)(flags | VerFlagWeak));
            changed = true;
        }
        // Symbols still bound to that version become global (unversioned): index 1.
        long symbols = dynsymSize / 24;
        for (long s = 0; s < symbols; s++)
        {
            int entry = (int)(versym + 2 * s);
            if ((BitConverter.ToUInt16(elf, entry) & 0x7fff) == versionIndex)
            {
                WriteUInt16(elf, entry, 1);
                changed = true;
            }
        }
        if (!changed) return "already-patched";

        // Keep the original time stamp: MSBuild's incremental copy then sees an unchanged file and
        // leaves the patched copy alone on the next build.
        DateTime stamp = File.GetLastWriteTimeUtc(path);
        string temp = path + ".patching";
        File.WriteAllBytes(temp, elf);
        File.SetLastWriteTimeUtc(temp, stamp);
        File.Replace(temp, path, null);
        return "patched";
    }

    static string ReadString(byte[] bytes, long offset)
    {
        int end = (int)offset;
        while (bytes[end] != 0) end++;
        return Encoding.ASCII.GetString(bytes, (int)offset, end - (int)offset);
    }

    static void WriteUInt16(byte[] bytes, int offset, ushort value)
    {
        bytes[offset] = (byte)value;
        bytes[offset + 1] = (byte)(value >> 8);
    }
}
