using Coordination.Application.Common.Security;
using FluentValidation;
using Mediator;

namespace Coordination.Application.Imports;

/// <summary>
/// Imports a forum's plan from a CSV or XLSX file. A dry run (the default) checks every row and writes nothing; a
/// commit writes every row or, when any row has an error, nothing (the report then lists the errors).
/// </summary>
public sealed record ImportActionPointsCommand(Guid ForumId, string FileName, byte[] Content, bool DryRun = true)
    : ICommand<ImportReport>, ISecretariatOnly;

public sealed class ImportActionPointsValidator : AbstractValidator<ImportActionPointsCommand>
{
    public ImportActionPointsValidator()
    {
        RuleFor(c => c.ForumId).NotEmpty();
        RuleFor(c => c.FileName).NotEmpty().WithName("file").OverridePropertyName("file");
    }
}

/// <summary>Reads the file, then hands the rows to the importer; the unit of work around it commits or rolls back.</summary>
public sealed class ImportActionPointsHandler(PlanFileReader reader, ActionPointImporter importer)
    : ICommandHandler<ImportActionPointsCommand, ImportReport>
{
    public async ValueTask<ImportReport> Handle(ImportActionPointsCommand command, CancellationToken cancellationToken)
    {
        var rows = reader.Read(command.FileName, command.Content);
        return await importer.RunAsync(command.ForumId, rows, command.DryRun, progress: null, cancellationToken);
    }
}
