using Runtime.Invocation;
using Runtime.Manifest;

namespace Runtime.Activation;

/// <summary>Makes references from generated proxy factories; no reflection beyond a dictionary lookup.</summary>
internal sealed class GrainFactory(GrainRegistry registry, IGrainCallRuntime callRuntime) : IGrainFactory
{
    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey =>
        Create<TGrainInterface>(key);

    public TGrainInterface GetGrain<TGrainInterface>(Guid key) where TGrainInterface : IGrainWithGuidKey =>
        Create<TGrainInterface>(GrainKeyFormat.Format(key));

    public TGrainInterface GetGrain<TGrainInterface>(long key) where TGrainInterface : IGrainWithIntegerKey =>
        Create<TGrainInterface>(GrainKeyFormat.Format(key));

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId) where TGrainInterface : IAddressable =>
        (TGrainInterface)(object)registry.GetInterface(typeof(TGrainInterface)).CreateReference(callRuntime, grainId);

    private TGrainInterface Create<TGrainInterface>(string key)
    {
        var descriptor = registry.GetInterface(typeof(TGrainInterface));
        return (TGrainInterface)(object)descriptor.CreateReference(callRuntime, new GrainId(descriptor.GrainType, key));
    }
}
