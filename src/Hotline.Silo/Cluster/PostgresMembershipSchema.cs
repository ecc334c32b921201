namespace Hotline.Silo.Cluster;

/// <summary>
/// The tables and query texts Orleans' ADO.NET clustering provider needs on PostgreSQL. The provider ships no
/// SQL: at start it reads <c>SELECT QueryKey, QueryText FROM OrleansQuery</c> and runs each text by key, binding
/// the parameters it documents (<c>@DeploymentId</c>, <c>@Address</c>, <c>@Port</c>, <c>@Generation</c>,
/// <c>@Version</c>, …) and reading result columns by name (Npgsql matches names case-insensitively).
/// Membership writes are atomic: the table version is raised and the silo row written in one
/// transaction, or neither (a function with an exception block undoes the version bump when the row
/// write finds nothing to do, so a lost race never leaves a half-done change behind).
/// </summary>
internal static class PostgresMembershipSchema
{
    /// <summary>Arbitrary constant key of the advisory lock that serialises two hosts creating the schema at once.</summary>
    public const long SchemaLock = 0x486f746c696e6531;

    public const string Tables = """
        CREATE TABLE IF NOT EXISTS orleansquery (
            querykey varchar(64) PRIMARY KEY,
            querytext text NOT NULL);

        CREATE TABLE IF NOT EXISTS cluster_versions (
            deployment_id text PRIMARY KEY,
            version integer NOT NULL DEFAULT 0,
            changed_at timestamptz NOT NULL DEFAULT now());

        CREATE TABLE IF NOT EXISTS cluster_silos (
            deployment_id text NOT NULL REFERENCES cluster_versions (deployment_id) ON DELETE CASCADE,
            address text NOT NULL,
            port integer NOT NULL,
            generation integer NOT NULL,
            silo_name text NOT NULL,
            host_name text NOT NULL,
            status integer NOT NULL,
            proxy_port integer,
            suspect_times text,
            start_time timestamptz NOT NULL,
            i_am_alive_time timestamptz NOT NULL,
            PRIMARY KEY (deployment_id, address, port, generation));

        CREATE OR REPLACE FUNCTION cluster_insert_silo(
            p_deployment text, p_version integer, p_address text, p_port integer, p_generation integer,
            p_silo_name text, p_host_name text, p_status integer, p_proxy_port integer,
            p_start_time timestamptz, p_i_am_alive_time timestamptz) RETURNS boolean
        LANGUAGE plpgsql AS $$
        BEGIN
            -- The version row's lock orders concurrent writers; a writer holding a stale version changes nothing.
            UPDATE cluster_versions SET version = version + 1, changed_at = now()
                WHERE deployment_id = p_deployment AND version = p_version;
            IF NOT FOUND THEN
                RETURN false;
            END IF;
            BEGIN
                INSERT INTO cluster_silos (deployment_id, address, port, generation, silo_name, host_name, status,
                                           proxy_port, suspect_times, start_time, i_am_alive_time)
                    VALUES (p_deployment, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status,
                            p_proxy_port, NULL, p_start_time, p_i_am_alive_time);
            EXCEPTION WHEN unique_violation THEN
                RAISE EXCEPTION USING ERRCODE = 'HL001';
            END;
            RETURN true;
        EXCEPTION WHEN SQLSTATE 'HL001' THEN
            -- The row already exists: the version bump above is undone with this block.
            RETURN false;
        END $$;

        CREATE OR REPLACE FUNCTION cluster_update_silo(
            p_deployment text, p_version integer, p_address text, p_port integer, p_generation integer,
            p_status integer, p_suspect_times text, p_i_am_alive_time timestamptz) RETURNS boolean
        LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE cluster_versions SET version = version + 1, changed_at = now()
                WHERE deployment_id = p_deployment AND version = p_version;
            IF NOT FOUND THEN
                RETURN false;
            END IF;
            UPDATE cluster_silos SET status = p_status, suspect_times = p_suspect_times, i_am_alive_time = p_i_am_alive_time
                WHERE deployment_id = p_deployment AND address = p_address AND port = p_port AND generation = p_generation;
            IF NOT FOUND THEN
                RAISE EXCEPTION USING ERRCODE = 'HL001';
            END IF;
            RETURN true;
        EXCEPTION WHEN SQLSTATE 'HL001' THEN
            RETURN false;
        END $$;
        """;

    private const string Columns = """
        v.version AS "Version", s.address AS "Address", s.port AS "Port", s.generation AS "Generation",
        s.silo_name AS "SiloName", s.host_name AS "HostName", s.status AS "Status", s.proxy_port AS "ProxyPort",
        s.suspect_times AS "SuspectTimes", s.start_time AS "StartTime", s.i_am_alive_time AS "IAmAliveTime"
        """;

    private const string SiloKey = "s.address = @Address::text AND s.port = @Port::integer AND s.generation = @Generation::integer";

    /// <summary>Query texts by the keys the provider looks up.</summary>
    public static readonly IReadOnlyDictionary<string, string> Queries = new Dictionary<string, string>
    {
        // One row even with no silos (the version), so readers always learn the table version.
        ["MembershipReadAllKey"] = $"""
            SELECT {Columns}
            FROM cluster_versions v LEFT JOIN cluster_silos s ON s.deployment_id = v.deployment_id
            WHERE v.deployment_id = @DeploymentId::text
            """,
        ["MembershipReadRowKey"] = $"""
            SELECT {Columns}
            FROM cluster_versions v LEFT JOIN cluster_silos s ON s.deployment_id = v.deployment_id AND {SiloKey}
            WHERE v.deployment_id = @DeploymentId::text
            """,
        ["InsertMembershipVersionKey"] = """
            WITH created AS (
                INSERT INTO cluster_versions (deployment_id) VALUES (@DeploymentId::text)
                ON CONFLICT (deployment_id) DO NOTHING RETURNING 1)
            SELECT EXISTS (SELECT 1 FROM created)
            """,
        ["InsertMembershipKey"] = """
            SELECT cluster_insert_silo(@DeploymentId::text, @Version::integer, @Address::text, @Port::integer,
                @Generation::integer, @SiloName::text, @HostName::text, @Status::integer, @ProxyPort::integer,
                @StartTime::timestamptz, @IAmAliveTime::timestamptz)
            """,
        ["UpdateMembershipKey"] = """
            SELECT cluster_update_silo(@DeploymentId::text, @Version::integer, @Address::text, @Port::integer,
                @Generation::integer, @Status::integer, @SuspectTimes::text, @IAmAliveTime::timestamptz)
            """,

        // A heartbeat: no version change, so it never races membership changes.
        ["UpdateIAmAlivetimeKey"] = """
            UPDATE cluster_silos s SET i_am_alive_time = @IAmAliveTime::timestamptz
            WHERE s.deployment_id = @DeploymentId::text AND s.address = @Address::text AND s.port = @Port::integer
              AND s.generation = @Generation::integer
            """,
        ["GatewaysQueryKey"] = """
            SELECT s.address AS "Address", s.proxy_port AS "ProxyPort", s.generation AS "Generation"
            FROM cluster_silos s
            WHERE s.deployment_id = @DeploymentId::text AND s.status = @Status::integer AND s.proxy_port > 0
            """,
        ["DeleteMembershipTableEntriesKey"] = """
            DELETE FROM cluster_versions WHERE deployment_id = @DeploymentId::text
            """,

        // 6 = SiloStatus.Dead: only dead silos whose last sign of life is older than the cut-off go.
        ["CleanupDefunctSiloEntriesKey"] = """
            DELETE FROM cluster_silos
            WHERE deployment_id = @DeploymentId::text AND status = 6
              AND i_am_alive_time < @IAmAliveTime::timestamptz AND start_time < @IAmAliveTime::timestamptz
            """,

        // One dead row, only while it is still exactly as the caller read it.
        ["CleanupDefunctSiloEntryKey"] = """
            DELETE FROM cluster_silos
            WHERE deployment_id = @DeploymentId::text AND status = 6
              AND address = @Address::text AND port = @Port::integer AND generation = @Generation::integer
              AND start_time = @StartTime::timestamptz AND i_am_alive_time = @IAmAliveTime::timestamptz
              AND suspect_times IS NOT DISTINCT FROM @SuspectTimes::text
            """,
    };
}
