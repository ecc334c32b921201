namespace Hotline.Silo.Organisation;

/// <summary>A department as read from an import file, with the line it starts on.</summary>
internal sealed record NumberedDepartment(int Line, DirectoryDepartment Department);
