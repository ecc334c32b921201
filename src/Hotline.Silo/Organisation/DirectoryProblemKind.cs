namespace Hotline.Silo.Organisation;

/// <summary>What sort of refusal a <see cref="DirectoryProblem"/> is, for callers that answer with a status (the Administration service).</summary>
internal enum DirectoryProblemKind
{
    /// <summary>A field breaks a rule.</summary>
    Invalid,

    /// <summary>The department or list value named does not exist.</summary>
    NotFound,

    /// <summary>The department or list value exists already.</summary>
    Exists,

    /// <summary>The directory's state does not allow it now (open tickets, active sub-departments, already disabled).</summary>
    Conflict,
}
