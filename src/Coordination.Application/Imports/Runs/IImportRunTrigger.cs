namespace Coordination.Application.Imports.Runs;

/// <summary>
/// Asks for a queued import run to be carried out soon, by a background job. Call it only after the transaction that
/// stored the run has committed (e.g. in the page or endpoint, after <c>Send</c> returns): a job started earlier would
/// not find the run yet. Best effort: the recurring sweep picks up a queued run whose job was lost.
/// </summary>
public interface IImportRunTrigger
{
    void RunSoon(Guid runId);
}
