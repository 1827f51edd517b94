using Runtime.Manifest;
using Runtime.Statistics;

namespace Runtime.Activation;

/// <summary>What every activation of one grain type shares.</summary>
internal sealed class GrainTypeInfo(string grainType, GrainClassDescriptor grainClass, GrainTypeStatistics statistics, TimeSpan collectionAge)
{
    public string GrainType { get; } = grainType;

    public GrainClassDescriptor Class { get; } = grainClass;

    public GrainTypeStatistics Statistics { get; } = statistics;

    public bool IsReentrant { get; } = grainClass.IsReentrant;

    /// <summary>Idle time after which activations are collected: the class's limit or the silo's default.</summary>
    public TimeSpan CollectionAge { get; } = grainClass.CollectionAgeLimit ?? collectionAge;

    public ImplicitSubscriptionDescriptor? FindSubscription(string streamNamespace)
    {
        foreach (var subscription in Class.ImplicitSubscriptions)
        {
            if (subscription.StreamNamespace == streamNamespace)
            {
                return subscription;
            }
        }

        return null;
    }
}
