using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Hotline.Search.Articles;

/// <summary>
/// The durable home of articles and their history: one SQLite file in the data directory. The
/// search index is derived from it and rebuilt from it when lost. WAL with synchronous=FULL so an
/// acknowledged edit survives a crash.
/// </summary>
public sealed class SqliteArticleStore
{
    private readonly string _connectionString;
    private readonly TimeProvider _time;

    public SqliteArticleStore(string databasePath, TimeProvider time)
    {
        _connectionString = SqliteDatabase.ConnectionString(databasePath);
        _time = time;
        using var connection = Open();
        Execute(connection, null, ArticleSchema.Create);
    }

    /// <summary>Every article, ordered by id.</summary>
    public IReadOnlyList<Article> LoadAll()
    {
        using var connection = Open();
        var history = LoadHistory(connection, null);
        using var command = connection.CreateCommand();
        command.CommandText = ArticleSchema.SelectColumns + " ORDER BY id";
        return ReadArticles(command, history);
    }

    /// <summary>The article, or null.</summary>
    public Article? Get(string id)
    {
        using var connection = Open();
        var history = LoadHistory(connection, id);
        using var command = connection.CreateCommand();
        command.CommandText = ArticleSchema.SelectColumns + " WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return ReadArticles(command, history).SingleOrDefault();
    }

    /// <summary>Creates or changes one article, recording who did it.</summary>
    /// <exception cref="SearchInputException">The draft breaks <see cref="ArticleRules"/>.</exception>
    public Article Upsert(ArticleDraft draft, string editor, string? summary = null) =>
        UpsertMany([draft], editor, summary)[0];

    /// <summary>Creates or changes several articles in one transaction: all or none.</summary>
    public IReadOnlyList<Article> UpsertMany(IReadOnlyList<ArticleDraft> drafts, string editor, string? summary = null)
    {
        foreach (var draft in drafts)
        {
            ArticleRules.Require(draft);
        }

        var at = _time.GetUtcNow();
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var saved = new List<Article>(drafts.Count);
        foreach (var draft in drafts)
        {
            saved.Add(Save(connection, transaction, draft, editor, summary, at));
        }

        transaction.Commit();
        return saved;
    }

    /// <summary>Deletes an article; its history stays, ending in a "deleted" entry.</summary>
    public bool Delete(string id, string editor)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var current = ReadVersion(connection, transaction, id);
        if (current == 0)
        {
            return false;
        }

        Execute(connection, transaction, "DELETE FROM articles WHERE id = $id", ("$id", id));
        AddRevision(connection, transaction, id, current + 1, editor, _time.GetUtcNow(), "deleted");
        transaction.Commit();
        return true;
    }

    private Article Save(SqliteConnection connection, SqliteTransaction transaction, ArticleDraft draft, string editor, string? summary, DateTimeOffset at)
    {
        var before = ReadArticleRow(connection, transaction, draft.Id);
        var version = Math.Max(before?.Version ?? 0, ReadMaxRevision(connection, transaction, draft.Id)) + 1;
        var updated = draft.Updated ?? DateOnly.FromDateTime(at.UtcDateTime);
        var what = summary ?? (before is null ? "created" : ArticleChanges.Describe(before.ToDraft(), draft));
        Execute(connection, transaction, ArticleSchema.Upsert,
            ("$id", draft.Id), ("$title", draft.Title), ("$category", draft.Category), ("$department", draft.Department),
            ("$keywords", JsonSerializer.Serialize(draft.Keywords)), ("$applies", draft.AppliesTo), ("$content", draft.Content),
            ("$updated", updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("$version", version));
        AddRevision(connection, transaction, draft.Id, version, editor, at, what);
        return Get(connection, transaction, draft.Id);
    }

    private Article Get(SqliteConnection connection, SqliteTransaction transaction, string id)
    {
        var history = LoadHistory(connection, id, transaction);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = ArticleSchema.SelectColumns + " WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return ReadArticles(command, history).Single();
    }

    private static Article? ReadArticleRow(SqliteConnection connection, SqliteTransaction transaction, string id)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = ArticleSchema.SelectColumns + " WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return ReadArticles(command, new Dictionary<string, List<ArticleRevision>>()).SingleOrDefault();
    }

    private static int ReadVersion(SqliteConnection connection, SqliteTransaction transaction, string id)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM articles WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteScalar() is long v ? (int)v : 0;
    }

    private static int ReadMaxRevision(SqliteConnection connection, SqliteTransaction transaction, string id)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM revisions WHERE article_id = $id";
        command.Parameters.AddWithValue("$id", id);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void AddRevision(SqliteConnection connection, SqliteTransaction transaction, string id, int version, string editor, DateTimeOffset at, string summary) =>
        Execute(connection, transaction,
            "INSERT INTO revisions(article_id, version, editor, at, summary) VALUES ($id, $version, $editor, $at, $summary)",
            ("$id", id), ("$version", version), ("$editor", editor), ("$at", at.ToString("O", CultureInfo.InvariantCulture)), ("$summary", summary));

    private static Dictionary<string, List<ArticleRevision>> LoadHistory(SqliteConnection connection, string? id, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT article_id, version, editor, at, summary FROM revisions"
            + (id is null ? string.Empty : " WHERE article_id = $id") + " ORDER BY article_id, version";
        if (id is not null)
        {
            command.Parameters.AddWithValue("$id", id);
        }

        var history = new Dictionary<string, List<ArticleRevision>>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var articleId = reader.GetString(0);
            if (!history.TryGetValue(articleId, out var list))
            {
                history[articleId] = list = [];
            }

            list.Add(new ArticleRevision(reader.GetInt32(1), reader.GetString(2),
                DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture), reader.GetString(4)));
        }

        return history;
    }

    private static List<Article> ReadArticles(SqliteCommand command, Dictionary<string, List<ArticleRevision>> history)
    {
        var articles = new List<Article>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            articles.Add(new Article(id, reader.GetString(1), reader.GetString(2), reader.GetString(3),
                JsonSerializer.Deserialize<string[]>(reader.GetString(4)) ?? [], reader.GetString(5), reader.GetString(6),
                DateOnly.ParseExact(reader.GetString(7), "yyyy-MM-dd", CultureInfo.InvariantCulture), reader.GetInt32(8),
                history.TryGetValue(id, out var revisions) ? revisions : []));
        }

        return articles;
    }

    private SqliteConnection Open() => SqliteDatabase.Open(_connectionString);

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}
