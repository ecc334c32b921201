namespace Hotline.Silo.Tests.Storage;

/// <summary>All PostgreSQL tests share one throwaway cluster.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "postgres";
}
