namespace Hotline.Silo.Cluster;

/// <summary>How silos find each other: <c>Cluster:Provider</c>.</summary>
internal enum ClusterProvider
{
    /// <summary>One silo on this machine, no membership table (the embedded default).</summary>
    Localhost,

    /// <summary>Membership in the PostgreSQL database of <c>Storage:ConnectionString</c>; any number of hosts.</summary>
    Postgres,
}
