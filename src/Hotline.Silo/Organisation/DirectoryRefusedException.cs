namespace Hotline.Silo.Organisation;

/// <summary>A directory change was refused by a rule; nothing was stored. Each problem names its field (and line).</summary>
internal sealed class DirectoryRefusedException(IReadOnlyList<DirectoryProblem> problems)
    : Exception(string.Join(Environment.NewLine, problems.Select(p => p.ToString())))
{
    public IReadOnlyList<DirectoryProblem> Problems { get; } = problems;

    public DirectoryRefusedException(DirectoryProblem problem)
        : this([problem])
    {
    }
}
