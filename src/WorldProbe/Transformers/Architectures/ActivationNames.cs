namespace WorldProbe.Transformers.Architectures;

/// <summary>Hugging Face hidden_act / activation_function names.</summary>
public static class ActivationNames
{
    /// <summary>Our activation for a Hugging Face name; unknown names fail with the supported list.</summary>
    public static Activation Parse(string? name, string source) => name switch
    {
        "silu" or "swish" => Activation.Silu,
        "gelu" => Activation.Gelu,
        "gelu_new" or "gelu_pytorch_tanh" or "gelu_fast" => Activation.GeluTanh,
        "relu" => Activation.Relu,
        _ => throw new WorldProbeException($"{source}: activation '{name}' is not supported (supported: silu, gelu, gelu_new, gelu_pytorch_tanh, gelu_fast, relu)."),
    };
}
