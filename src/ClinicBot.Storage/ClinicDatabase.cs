using System.Data.Common;

namespace ClinicBot.Storage;

/// <summary>
/// The one database every store in the app uses (bot state, bookings, staff data, analytics, Direct Line
/// transcripts). Stores are written once against <see cref="DbConnection"/> with SQL both engines accept
/// (@name parameters, ON CONFLICT, RETURNING, TEXT and BIGINT columns); what differs between engines —
/// how to connect, the schema, the few error codes the stores react to — lives in the subclasses.
/// The schema exists by the time <see cref="OpenAsync"/> returns a connection.
/// </summary>
public abstract class ClinicDatabase
{
    public abstract StorageProvider Provider { get; }

    /// <summary>An open connection (pooled); dispose it when done.</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Serialises this process's writers where the engine needs it (SQLite: one writer per file); completes at
    /// once where the engine handles concurrent writers itself (PostgreSQL). Dispose the result to let the next in.
    /// </summary>
    public abstract Task<IDisposable> EnterWriteAsync(CancellationToken cancellationToken);

    /// <summary>Checks quickly that the database answers; throws when it does not. For the readiness probe.</summary>
    public abstract Task PingAsync(CancellationToken cancellationToken);

    /// <summary>After a purge: makes the engine drop copies of deleted rows it keeps beside the table (SQLite's -wal). Nothing to do elsewhere.</summary>
    public virtual Task CompactAfterDeleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>True when <paramref name="exception"/> is a UNIQUE / primary key violation.</summary>
    public abstract bool IsUniqueViolation(DbException exception);
}

/// <summary>Which engine holds the app's data: configuration key Storage:Provider.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}
