namespace Runtime;

/// <summary>Anything that can be addressed by the runtime: grains and references to them.</summary>
public interface IAddressable;

/// <summary>Marker for grain interfaces. Use one of the keyed interfaces below.</summary>
public interface IGrain : IAddressable;

/// <summary>A grain identified by a string key.</summary>
public interface IGrainWithStringKey : IGrain;

/// <summary>A grain identified by a <see cref="Guid"/> key.</summary>
public interface IGrainWithGuidKey : IGrain;

/// <summary>A grain identified by a 64-bit integer key.</summary>
public interface IGrainWithIntegerKey : IGrain;
