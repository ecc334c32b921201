using Hotline.Silo.Organisation;

namespace Hotline.Silo.Cli;

/// <summary>Every command of the executable; running with no command starts the server.</summary>
internal static class CliCommands
{
    public static IReadOnlyList<CliCommand> All { get; } =
    [
        new TokenIssueCommand(),
        new TokenListCommand(),
        new TokenRevokeCommand(),
        new AgentAddCommand(),
        new AgentImportCommand(),
        new AgentListCommand(),
        new AgentRemoveCommand(),
        new AgentPasswordCommand(),
        new AgentEnabledCommand(enable: false),
        new AgentEnabledCommand(enable: true),
        new StaffAddCommand(),
        new StaffPasswordCommand(),
        new StaffEnabledCommand(enable: false),
        new StaffEnabledCommand(enable: true),
        new StaffListCommand(),
        new DepartmentImportCommand(),
        new DepartmentAddCommand(),
        new DepartmentUpdateCommand(),
        new DepartmentDisableCommand(),
        new DepartmentListCommand(),
        new DepartmentHistoryCommand(),
        .. DirectoryListCommand.For(DirectoryLists.District),
        .. DirectoryListCommand.For(DirectoryLists.Category),
    ];
}
