using System.Text;
using Instagram.Silo.Storage;

namespace Feed.Benchmarks.Seeding;

/// <summary>
/// Bulk rows through the app's own database instance (its SQLite writer or Npgsql pool): multi-row INSERTs
/// of <see cref="RowsPerStatement"/> rows, <see cref="RowsPerTransaction"/> rows per transaction, so a
/// million rows cost a few dozen commits instead of a million. The next transaction's statements are
/// built while the previous one is written.
/// </summary>
internal sealed class BatchedInserts(RelationalDatabase database)
{
    public const int RowsPerStatement = 500;
    public const int RowsPerTransaction = 50_000;

    /// <summary>Inserts <paramref name="rows"/> (values in the order of <paramref name="columns"/>); returns the row count.</summary>
    public async Task<long> InsertAsync(string table, string columns, IEnumerable<object?[]> rows)
    {
        var inserted = 0L;
        Task? writing = null;
        foreach (var transaction in rows.Chunk(RowsPerTransaction))
        {
            var statements = transaction.Chunk(RowsPerStatement).Select(chunk => Statement(table, columns, chunk)).ToList();
            if (writing is not null)
            {
                await writing;
            }

            writing = database.WriteAsync(
                async (connection, tx, ct) =>
                {
                    foreach (var sql in statements)
                    {
                        await using var command = connection.CreateCommand(sql, tx);
                        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    }

                    return 0;
                },
                CancellationToken.None);
            inserted += transaction.Length;
        }

        if (writing is not null)
        {
            await writing;
        }

        return inserted;
    }

    private string Statement(string table, string columns, object?[][] rows)
    {
        var sql = new StringBuilder(rows.Length * 160).Append("INSERT INTO ").Append(table).Append(" (").Append(columns).Append(") VALUES ");
        for (var r = 0; r < rows.Length; r++)
        {
            sql.Append(r == 0 ? "(" : ",(");
            for (var c = 0; c < rows[r].Length; c++)
            {
                sql.Append(c == 0 ? string.Empty : ",").Append(SqlLiteral.Of(rows[r][c], database.Dialect));
            }

            sql.Append(')');
        }

        return sql.ToString();
    }
}
