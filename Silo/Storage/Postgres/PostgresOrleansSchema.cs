namespace Instagram.Silo.Storage.Postgres;

/// <summary>
/// Orleans' tables in PostgreSQL, for its ADO.NET clustering, grain persistence and reminder providers
/// (invariant <c>Npgsql</c>), with the queries they read from <c>OrleansQuery</c>. Written for this
/// project from the providers' contract (query keys, parameter and result column names); every
/// conditional write is one statement, so it either happens whole or not at all.
/// </summary>
/// <remarks>
/// Membership rows change only together with the cluster's version row (<c>orleans_membership_version</c>),
/// and only if that version is still the one the writer read: the version row is locked first
/// (<c>FOR UPDATE</c>), so of two silos writing from the same version one wins and the other finds the
/// version moved and reports failure, which makes Orleans re-read and retry.
/// </remarks>
internal static class PostgresOrleansSchema
{
    // A property, not a field: it reads the query table below, which static initialisation would reach later.
    public static IReadOnlyList<SchemaMigration> Migrations =>
    [
        new(1, "Orleans membership, grain state and reminders", $"""
            -- The retired in-house runtime's tables, if this database had them: grain state was only derived data
            -- (timelines rebuild from the graph) or short-lived (idempotency keys), and its jobs became rows' own state.
            DROP TABLE IF EXISTS grain_state, reminders, reminder_heartbeat, stream_queue, stream_dead_letters;
            DELETE FROM schema_migrations WHERE component = 'runtime';

            {OrleansQueries.CreateQueryTable}

            CREATE TABLE orleans_membership_version (
                deployment_id TEXT        PRIMARY KEY,
                version       INTEGER     NOT NULL DEFAULT 0,
                changed_at    TIMESTAMPTZ NOT NULL DEFAULT now()
            );

            CREATE TABLE orleans_membership (
                deployment_id   TEXT        NOT NULL REFERENCES orleans_membership_version (deployment_id),
                address         TEXT        NOT NULL,
                port            INTEGER     NOT NULL,
                generation      INTEGER     NOT NULL,
                silo_name       TEXT        NOT NULL,
                host_name       TEXT        NOT NULL,
                status          INTEGER     NOT NULL,
                proxy_port      INTEGER,
                suspect_times   TEXT,
                start_time      TIMESTAMPTZ NOT NULL,
                i_am_alive_time TIMESTAMPTZ NOT NULL,
                PRIMARY KEY (deployment_id, address, port, generation)
            );

            -- The provider keys state by service, state name and grain key (two longs for integer and GUID keys,
            -- a string for string keys and key extensions); '' stands for "no string part", so the key is unique.
            CREATE TABLE orleans_grain_state (
                service_id  TEXT        NOT NULL,
                state_name  TEXT        NOT NULL,
                key_n0      BIGINT      NOT NULL,
                key_n1      BIGINT      NOT NULL,
                key_string  TEXT        NOT NULL,
                payload     BYTEA,
                version     INTEGER     NOT NULL,
                modified_at TIMESTAMPTZ NOT NULL,
                PRIMARY KEY (service_id, state_name, key_n0, key_n1, key_string)
            );

            CREATE TABLE orleans_reminders (
                service_id    TEXT        NOT NULL,
                grain_id      TEXT        NOT NULL,
                reminder_name TEXT        NOT NULL,
                start_time    TIMESTAMPTZ NOT NULL,
                period_ms     BIGINT      NOT NULL,
                grain_hash    INTEGER     NOT NULL,
                version       INTEGER     NOT NULL,
                PRIMARY KEY (service_id, grain_id, reminder_name)
            );
            CREATE INDEX orleans_reminders_by_hash ON orleans_reminders (service_id, grain_hash);

            {OrleansQueries.Insert(Queries)}
            """),
    ];

    private const string StateKey = """
        service_id = @ServiceId AND state_name = @GrainTypeString
            AND key_n0 = @GrainIdN0 AND key_n1 = @GrainIdN1 AND key_string = COALESCE(@GrainIdExtensionString, '')
        """;

    private const string MemberColumns = """
        v.deployment_id AS "DeploymentId", m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
        m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
        m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime", v.version AS "Version"
        """;

    private const string Member = "deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation";

    private static readonly Dictionary<string, string> Queries = new(OrleansQueries.Reminders(deleteReminderRow: """
        WITH deleted AS (
            DELETE FROM orleans_reminders
            WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
            RETURNING 1)
        SELECT COUNT(*)::int FROM deleted
        """))
    {
        // Membership (Microsoft.Orleans.Clustering.AdoNet). "Boolean" queries answer one row, one column: 1 done, 0 not.
        ["InsertMembershipVersionKey"] = """
            WITH inserted AS (
                INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId) ON CONFLICT DO NOTHING RETURNING 1)
            SELECT COUNT(*)::int FROM inserted
            """,
        ["InsertMembershipKey"] = """
            WITH current_version AS (
                SELECT deployment_id FROM orleans_membership_version
                WHERE deployment_id = @DeploymentId AND version = @Version FOR UPDATE),
            inserted AS (
                INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
                SELECT deployment_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime FROM current_version
                ON CONFLICT DO NOTHING
                RETURNING deployment_id),
            bumped AS (
                UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
                WHERE deployment_id IN (SELECT deployment_id FROM inserted)
                RETURNING 1)
            SELECT COUNT(*)::int FROM bumped
            """,
        ["UpdateMembershipKey"] = $"""
            WITH current_version AS (
                SELECT deployment_id FROM orleans_membership_version
                WHERE deployment_id = @DeploymentId AND version = @Version FOR UPDATE),
            updated AS (
                UPDATE orleans_membership SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
                WHERE {Member} AND EXISTS (SELECT 1 FROM current_version)
                RETURNING deployment_id),
            bumped AS (
                UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
                WHERE deployment_id IN (SELECT deployment_id FROM updated)
                RETURNING 1)
            SELECT COUNT(*)::int FROM bumped
            """,
        ["UpdateIAmAlivetimeKey"] = $"UPDATE orleans_membership SET i_am_alive_time = @IAmAliveTime WHERE {Member}",
        ["MembershipReadRowKey"] = $"""
            SELECT {MemberColumns}
            FROM orleans_membership_version v
            LEFT JOIN orleans_membership m
                ON m.deployment_id = v.deployment_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
            WHERE v.deployment_id = @DeploymentId
            """,
        ["MembershipReadAllKey"] = $"""
            SELECT {MemberColumns}
            FROM orleans_membership_version v
            LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
            WHERE v.deployment_id = @DeploymentId
            """,
        ["GatewaysQueryKey"] = """
            SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
            FROM orleans_membership
            WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0
            """,
        ["DeleteMembershipTableEntriesKey"] = """
            DELETE FROM orleans_membership WHERE deployment_id = @DeploymentId;
            DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId;
            """,
        // Entries of silos gone quiet before the given time, unless still marked active (3): their corpses.
        ["CleanupDefunctSiloEntriesKey"] = """
            DELETE FROM orleans_membership WHERE deployment_id = @DeploymentId AND i_am_alive_time < @IAmAliveTime AND status <> 3
            """,

        // Grain state (Microsoft.Orleans.Persistence.AdoNet). A write answers the new version, or no row when the
        // version it was given is not the stored one (the provider then throws InconsistentStateException).
        ["ReadFromStorageKey"] = $"""
            SELECT payload AS "PayloadBinary", version AS "Version" FROM orleans_grain_state WHERE {StateKey}
            """,
        ["WriteToStorageKey"] = $"""
            WITH updated AS (
                UPDATE orleans_grain_state SET payload = @PayloadBinary, version = version + 1, modified_at = now()
                WHERE {StateKey} AND version = @GrainStateVersion
                RETURNING version),
            inserted AS (
                INSERT INTO orleans_grain_state (service_id, state_name, key_n0, key_n1, key_string, payload, version, modified_at)
                SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''), @PayloadBinary, 1, now()
                WHERE @GrainStateVersion IS NULL
                ON CONFLICT DO NOTHING
                RETURNING version)
            SELECT version AS "NewGrainStateVersion" FROM updated UNION ALL SELECT version FROM inserted
            """,
        // Clearing keeps a tombstone with the next version, so an ETag from before the clear never matches again.
        ["ClearStorageKey"] = $"""
            UPDATE orleans_grain_state SET payload = NULL, version = version + 1, modified_at = now()
            WHERE {StateKey} AND version = @GrainStateVersion
            RETURNING version AS "NewGrainStateVersion"
            """,
        ["DeleteStorageKey"] = $"""
            DELETE FROM orleans_grain_state WHERE {StateKey} AND version = @GrainStateVersion
            RETURNING version + 1 AS "NewGrainStateVersion"
            """,
    };
}
