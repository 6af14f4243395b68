using static TorchSharp.torch;

namespace WorldProbe.Transformers;

/// <summary>
/// A hook function: sees the activation flowing through a hook point and returns it (to read it) or a
/// replacement of the same shape (to edit the model's computation from there on).
/// </summary>
public delegate Tensor ActivationHook(Tensor activation, HookPoint point);

/// <summary>
/// A named place in the forward pass that every activation of that name flows through (TransformerLens
/// style). Hooks run in the order they were added. Models call <see cref="Apply"/> explicitly, so hooks work
/// whichever way the model is invoked.
/// </summary>
public sealed class HookPoint
{
    readonly List<ActivationHook> hooks = [];

    /// <summary>Creates a hook point with its full name.</summary>
    public HookPoint(string name, int? block = null)
    {
        Name = name;
        Block = block;
    }

    /// <summary>The full name, e.g. "blocks.3.hook_resid_post".</summary>
    public string Name { get; }

    /// <summary>The block index this point belongs to (null for embed, ln_final, logits).</summary>
    public int? Block { get; }

    /// <summary>Whether any hook is attached.</summary>
    public bool HasHooks => hooks.Count > 0;

    /// <summary>Attaches a hook; dispose the handle to remove it.</summary>
    public IDisposable Add(ActivationHook hook)
    {
        hooks.Add(hook);
        return new Removal(() => hooks.Remove(hook));
    }

    /// <summary>Removes every hook.</summary>
    public void Clear() => hooks.Clear();

    /// <summary>Runs the hooks on <paramref name="activation"/>; returns what the model continues with.</summary>
    public Tensor Apply(Tensor activation)
    {
        for (int i = 0; i < hooks.Count; i++)
        {
            var result = hooks[i](activation, this);
            if (!result.shape.SequenceEqual(activation.shape))
                throw new WorldProbeException($"hook on {Name} returned shape [{string.Join(", ", result.shape)}] for an activation of shape [{string.Join(", ", activation.shape)}]; a hook must return the same shape.");
            activation = result;
        }
        return activation;
    }

    sealed class Removal(Action remove) : IDisposable
    {
        bool done;

        public void Dispose()
        {
            if (done) return;
            done = true;
            remove();
        }
    }
}
