namespace Runtime.Invocation;

/// <summary>Where grain references send their requests: the silo in-process, or a cluster client.</summary>
public interface IGrainCallRuntime
{
    /// <summary>
    /// Takes ownership of <paramref name="request"/> and delivers it to the activation of
    /// <paramref name="target"/>. Never blocks; failures surface through the request's response.
    /// </summary>
    void SendRequest(GrainReference target, RequestBase request);
}
