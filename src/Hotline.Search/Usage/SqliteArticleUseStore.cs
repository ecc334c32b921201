using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Hotline.Search.Usage;

/// <summary>
/// Article-use evidence, durable in the knowledge base's SQLite file, so what agents taught the
/// search survives a restart: one row per ticket and article, the stronger use kept.
/// </summary>
public sealed class SqliteArticleUseStore
{
    private const string Create = """
        CREATE TABLE IF NOT EXISTS article_uses (
            ticket_id TEXT NOT NULL,
            article_id TEXT NOT NULL,
            ticket_text TEXT NOT NULL,
            kind INTEGER NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (ticket_id, article_id));
        """;

    private const string Upsert = """
        INSERT INTO article_uses(ticket_id, article_id, ticket_text, kind, at)
        VALUES ($ticket, $article, $text, $kind, $at)
        ON CONFLICT(ticket_id, article_id) DO UPDATE SET ticket_text = excluded.ticket_text,
            kind = MAX(kind, excluded.kind), at = excluded.at
        """;

    private readonly string _connectionString;
    private readonly TimeProvider _time;

    public SqliteArticleUseStore(string databasePath, TimeProvider time)
    {
        _connectionString = SqliteDatabase.Create(databasePath, Create);
        _time = time;
    }

    /// <summary>Every stored use, oldest first.</summary>
    public IReadOnlyList<ArticleUse> LoadAll()
    {
        var uses = new List<ArticleUse>();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ticket_id, ticket_text, article_id, kind FROM article_uses ORDER BY at, ticket_id, article_id";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            uses.Add(new ArticleUse(reader.GetString(0), reader.GetString(1), reader.GetString(2), (ArticleUseKind)reader.GetInt32(3)));
        }

        return uses;
    }

    public void Save(ArticleUse use)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = Upsert;
        command.Parameters.AddWithValue("$ticket", use.TicketId);
        command.Parameters.AddWithValue("$article", use.ArticleId);
        command.Parameters.AddWithValue("$text", use.TicketText);
        command.Parameters.AddWithValue("$kind", (int)use.Kind);
        command.Parameters.AddWithValue("$at", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
    }

    private SqliteConnection Open() => SqliteDatabase.Open(_connectionString);
}
