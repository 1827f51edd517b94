using Runtime.Invocation;

namespace Runtime;

/// <summary>Keys of grains and grain references, in the form they were created with.</summary>
public static class GrainKeyExtensions
{
    public static GrainId GetGrainId(this IAddressable grain) => grain switch
    {
        GrainReference reference => reference.GrainId,
        Grain activation => activation.GrainId,
        _ => throw new ArgumentException($"{grain.GetType()} is neither a grain nor a grain reference.", nameof(grain)),
    };

    public static string GetPrimaryKeyString(this IAddressable grain) => grain.GetGrainId().Key;

    public static Guid GetPrimaryKey(this IAddressable grain) => GrainKeyFormat.ParseGuid(grain.GetGrainId().Key);

    public static long GetPrimaryKeyLong(this IAddressable grain) => GrainKeyFormat.ParseLong(grain.GetGrainId().Key);

    /// <summary>
    /// A reference to this grain that can be handed to others. Inside a grain, pass this instead of
    /// <c>this</c>: the grain object itself must never leave its activation.
    /// </summary>
    public static TGrainInterface AsReference<TGrainInterface>(this Grain grain) where TGrainInterface : IAddressable =>
        grain.GrainContext.Runtime.GrainFactory.GetGrain<TGrainInterface>(grain.GrainId);
}
