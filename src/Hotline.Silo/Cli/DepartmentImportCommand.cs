using Hotline.Silo.Organisation;

namespace Hotline.Silo.Cli;

/// <summary>
/// <c>department import &lt;file&gt;</c>: adds or updates every department of a JSON array (the
/// demo format) or CSV file in one transaction. The file is checked whole first: a bad line
/// (syntax, field, duplicate id, invalid UTF-8) fails with exit code 2, a line the stored directory
/// refuses (unknown parent, a cycle) with 1; either way every problem names its line and nothing is
/// stored. Departments not in the file stay as they are.
/// </summary>
internal sealed class DepartmentImportCommand : CliCommand
{
    public override string Name => "department import";

    public override string Synopsis => "<file.json|file.csv> [--by <who>] [--reason <why>]";

    public override string? Argument => "file";

    public override IReadOnlyCollection<string> Options => DepartmentArguments.AuditOptions;

    public override CliAction Bind(IReadOnlyDictionary<string, string> options)
    {
        if (!options.TryGetValue("file", out var path))
        {
            throw new CliUsageException("name the file to import: department import <file>");
        }

        var departments = Read(path);
        var context = DepartmentArguments.Context(options, $"import {Path.GetFileName(path)}");
        return async (services, output, cancellationToken) =>
        {
            var (added, updated) = await DepartmentArguments.RunAsync(
                () => DepartmentArguments.Directory(services).ImportAsync(departments, context, cancellationToken)).ConfigureAwait(false);
            await output.WriteLineAsync(
                $"imported {departments.Count} departments ({added} new, {updated} changed, {departments.Count - added - updated} unchanged)").ConfigureAwait(false);
            return 0;
        };
    }

    private static IReadOnlyList<NumberedDepartment> Read(string path)
    {
        byte[] bytes;
        try
        {
            if (new FileInfo(path).Length > DirectoryFile.MaxBytes)
            {
                throw new CliUsageException($"{path}: larger than {DirectoryFile.MaxBytes / (1024 * 1024)} MiB");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliUsageException($"cannot read {path}: {exception.Message}");
        }

        try
        {
            var departments = DirectoryFile.Parse(bytes);

            // Duplicates and cycles within the file are its own faults; parents outside it are checked against the store later.
            var own = DirectoryRules.CheckChanges([], departments, storedUnknown: true);
            return own.Count > 0 ? throw new DirectoryRefusedException(own) : departments;
        }
        catch (DirectoryRefusedException refused)
        {
            throw new CliUsageException($"{path}: {refused.Problems.Count} problem(s), nothing imported:{Environment.NewLine}{DirectoryFile.Describe(refused.Problems)}");
        }
    }
}
