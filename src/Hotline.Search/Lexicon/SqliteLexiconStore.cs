using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Hotline.Search.Lexicon;

/// <summary>
/// Editors' changes to the lexicon, durable in the knowledge base's SQLite file: an upserted entry
/// overrides a shipped one with the same colloquial/official pair, a deleted pair stays deleted
/// even though the shipped files still carry it. Each change records who made it and when.
/// </summary>
public sealed class SqliteLexiconStore
{
    private const string Create = """
        CREATE TABLE IF NOT EXISTS lexicon_changes (
            colloquial TEXT NOT NULL,
            official TEXT NOT NULL,
            weight REAL NOT NULL,
            source TEXT NOT NULL,
            deleted INTEGER NOT NULL,
            editor TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (colloquial, official));
        """;

    private const string Upsert = """
        INSERT INTO lexicon_changes(colloquial, official, weight, source, deleted, editor, at)
        VALUES ($colloquial, $official, $weight, $source, $deleted, $editor, $at)
        ON CONFLICT(colloquial, official) DO UPDATE SET weight = excluded.weight, source = excluded.source,
            deleted = excluded.deleted, editor = excluded.editor, at = excluded.at
        """;

    private readonly string _connectionString;
    private readonly TimeProvider _time;

    public SqliteLexiconStore(string databasePath, TimeProvider time)
    {
        _connectionString = SqliteDatabase.Create(databasePath, Create);
        _time = time;
    }

    /// <summary>The shipped lexicon with every stored change applied.</summary>
    public ColloquialLexicon Apply(ColloquialLexicon shipped)
    {
        var upserts = new List<LexiconEntry>();
        var deletions = new List<(string, string)>();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT colloquial, official, weight, source, deleted FROM lexicon_changes ORDER BY at, colloquial, official";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (reader.GetInt64(4) != 0)
            {
                deletions.Add((reader.GetString(0), reader.GetString(1)));
            }
            else
            {
                upserts.Add(new LexiconEntry(reader.GetString(0), reader.GetString(1), (float)reader.GetDouble(2), reader.GetString(3)));
            }
        }

        return shipped.With(upserts, deletions);
    }

    /// <summary>Stores upserts (already checked and folded) in one transaction.</summary>
    public void Save(IReadOnlyList<LexiconEntry> entries, string editor) =>
        Write(entries.Select(e => (e, false)), editor);

    /// <summary>Stores deletions of these (folded) pairs in one transaction.</summary>
    public void Delete(IReadOnlyList<(string Colloquial, string Official)> pairs, string editor) =>
        Write(pairs.Select(p => (new LexiconEntry(p.Colloquial, p.Official, 1f, "deleted"), true)), editor);

    private void Write(IEnumerable<(LexiconEntry Entry, bool Deleted)> changes, string editor)
    {
        var at = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        foreach (var (entry, deleted) in changes)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Upsert;
            command.Parameters.AddWithValue("$colloquial", entry.Colloquial);
            command.Parameters.AddWithValue("$official", entry.Official);
            command.Parameters.AddWithValue("$weight", (double)entry.Weight);
            command.Parameters.AddWithValue("$source", entry.Source);
            command.Parameters.AddWithValue("$deleted", deleted ? 1 : 0);
            command.Parameters.AddWithValue("$editor", editor);
            command.Parameters.AddWithValue("$at", at);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private SqliteConnection Open() => SqliteDatabase.Open(_connectionString);
}
