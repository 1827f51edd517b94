namespace Instagram.Silo.Hosting;

/// <summary>How this node joins its Orleans cluster (configuration section <c>Orleans</c>).</summary>
public sealed class OrleansOptions
{
    public const string SectionName = "Orleans";

    /// <summary>The cluster this silo joins; silos of one cluster share it. Default <c>instagram</c>.</summary>
    public string ClusterId { get; set; } = "instagram";

    /// <summary>
    /// The service: stays the same across deployments, so grain state and reminders stored by an earlier
    /// cluster are this one's too. Default <c>instagram</c>.
    /// </summary>
    public string ServiceId { get; set; } = "instagram";

    /// <summary>
    /// The address other silos and clients reach this silo at (a pod's IP on Kubernetes). Default 127.0.0.1:
    /// every silo on one machine.
    /// </summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>Port for silo-to-silo traffic. Default 0: any free port (right for embedded mode, whose silo is alone).</summary>
    public int SiloPort { get; set; }

    /// <summary>Port Orleans clients connect to. Default 0: no gateway (embedded mode's frontend is in the silo's process).</summary>
    public int GatewayPort { get; set; }
}
