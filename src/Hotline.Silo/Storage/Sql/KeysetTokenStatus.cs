namespace Hotline.Silo.Storage.Sql;

internal enum KeysetTokenStatus
{
    Valid,
    Malformed,
    WrongScope,
}
