using WorldProbe.Compute;
using WorldProbe.Transformers;
using static TorchSharp.torch;

namespace WorldProbe.Tests.Transformers;

public class AttentionDropoutTests
{
    public AttentionDropoutTests() => TorchRuntime.Initialize();

    [Fact]
    public void TrainingPathWithNegligibleDropoutEqualsTheFusedKernelUnderPadding()
    {
        // Training mode routes attention through the written-out path (for pattern dropout); with p ~ 0 it must
        // reproduce the fused kernel's causal + padding masking exactly.
        using var scope = NewDisposeScope();
        using var model = WorldProbe.Transformers.OthelloGpt.Create(new OthelloGptConfig(NLayers: 2, NHeads: 4, DModel: 32, DMlp: 128, Dropout: 1e-12), seed: 8);
        var ids = randint(1, 61, [3, 12], dtype: ScalarType.Int64, generator: new Generator(1));
        var mask = ones(3, 12, dtype: ScalarType.Int64);
        mask[1].narrow(0, 0, 5).fill_(0); // left padded
        mask[2].narrow(0, 8, 4).fill_(0); // right padded
        using var noGrad = no_grad();
        var training = model.Forward(ids, mask);
        model.eval();
        var fused = model.Forward(ids, mask);
        var real = mask.ne(0).unsqueeze(-1);
        Assert.True(training.mul(real).allclose(fused.mul(real), rtol: 1e-5, atol: 1e-5));
        Assert.True(model.Forward(ids).allclose(model.Forward(ids, ones(3, 12)), rtol: 1e-5, atol: 1e-5), "no mask = all-ones mask");
    }
}
