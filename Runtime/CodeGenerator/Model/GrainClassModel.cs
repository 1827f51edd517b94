namespace Runtime.CodeGenerator.Model;

/// <summary>A concrete grain class: how to construct it and its scheduling facts.</summary>
internal sealed record GrainClassModel(
    string FullyQualifiedName,
    EquatableArray<string> GrainTypes,
    EquatableArray<ConstructorArgumentModel> ConstructorArguments,
    bool IsReentrant,
    string? CollectionAgeLimitExpression,
    EquatableArray<SubscriptionModel> Subscriptions);

internal enum ConstructorArgumentKind
{
    PersistentState,
    GrainContext,
    Service,
}

/// <param name="Type">The parameter type (for services) or the state type (for persistent state).</param>
internal sealed record ConstructorArgumentModel(ConstructorArgumentKind Kind, string Type, string StateName, string StorageName);

internal sealed record SubscriptionModel(string StreamNamespace, string ItemType);
