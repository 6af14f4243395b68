using WorldProbe.Transformers.Import;

namespace WorldProbe.Tests.MiniLM;

/// <summary>The MiniLM cache folder: recognised when whole, re-created when damaged.</summary>
[Collection(MiniLmCollection.Name)]
public sealed class EmbeddedModelCacheTests(MiniLmFixture fixture)
{
    [Fact]
    public void ImportedFolderIsCompleteAndResolvesWithoutReimport()
    {
        Assert.True(ImportedModelFolder.IsComplete(fixture.Folder, MiniLmPackage.Version));
        var written = File.GetLastWriteTimeUtc(Path.Combine(fixture.Folder, "model.safetensors"));
        Assert.Equal(fixture.Folder, EmbeddedModels.Resolve("minilm", fixture.CacheRoot));
        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(fixture.Folder, "model.safetensors")));
        Assert.Empty(Directory.GetFileSystemEntries(Path.GetDirectoryName(fixture.Folder)!, ".*"));
    }

    [Fact]
    public void TruncatedSafetensorsIsDetected()
    {
        string copy = Directory.CreateTempSubdirectory("worldprobe-damaged-").FullName;
        try
        {
            foreach (string file in Directory.GetFiles(fixture.Folder)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            Assert.True(ImportedModelFolder.IsComplete(copy, MiniLmPackage.Version));
            Assert.False(ImportedModelFolder.IsComplete(copy, "0.0.0")); // another package version is another import

            using (var stream = new FileStream(Path.Combine(copy, "model.safetensors"), FileMode.Open))
                stream.SetLength(stream.Length - 4096);
            Assert.False(ImportedModelFolder.IsComplete(copy, MiniLmPackage.Version));

            File.Delete(Path.Combine(copy, ImportedModelFolder.ManifestName));
            Assert.False(ImportedModelFolder.IsComplete(copy, MiniLmPackage.Version));
        }
        finally { Directory.Delete(copy, recursive: true); }
    }

    [Fact]
    public void DamagedFolderIsReimported()
    {
        string root = Directory.CreateTempSubdirectory("worldprobe-cache-").FullName;
        try
        {
            string folder = Path.Combine(root, "models", "minilm", MiniLmPackage.Version);
            Directory.CreateDirectory(folder);
            foreach (string file in Directory.GetFiles(fixture.Folder)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            File.WriteAllText(Path.Combine(folder, "model.safetensors"), "half-written");

            Assert.Equal(folder, EmbeddedModels.Resolve("minilm", root));
            Assert.True(ImportedModelFolder.IsComplete(folder, MiniLmPackage.Version));
            Assert.Equal(new FileInfo(Path.Combine(fixture.Folder, "model.safetensors")).Length, new FileInfo(Path.Combine(folder, "model.safetensors")).Length);
        }
        finally { Directory.Delete(root, recursive: true); }
    }

    [Fact]
    public void UnknownModelNameIsAUserError()
    {
        var error = Assert.Throws<WorldProbeException>(() => EmbeddedModels.Resolve("gpt5", fixture.CacheRoot));
        Assert.Contains("minilm", error.Message);
    }
}
