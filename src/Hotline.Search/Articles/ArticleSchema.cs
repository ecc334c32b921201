namespace Hotline.Search.Articles;

/// <summary>SQL for the article store.</summary>
internal static class ArticleSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS articles (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            category TEXT NOT NULL,
            department TEXT NOT NULL,
            keywords TEXT NOT NULL,
            applies_to TEXT NOT NULL,
            content TEXT NOT NULL,
            updated TEXT NOT NULL,
            version INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS revisions (
            article_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            editor TEXT NOT NULL,
            at TEXT NOT NULL,
            summary TEXT NOT NULL,
            PRIMARY KEY (article_id, version));
        """;

    public const string SelectColumns =
        "SELECT id, title, category, department, keywords, applies_to, content, updated, version FROM articles";

    public const string Upsert = """
        INSERT INTO articles(id, title, category, department, keywords, applies_to, content, updated, version)
        VALUES ($id, $title, $category, $department, $keywords, $applies, $content, $updated, $version)
        ON CONFLICT(id) DO UPDATE SET title = excluded.title, category = excluded.category,
            department = excluded.department, keywords = excluded.keywords, applies_to = excluded.applies_to,
            content = excluded.content, updated = excluded.updated, version = excluded.version
        """;
}
