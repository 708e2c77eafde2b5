namespace Coordination.Application.Notifications;

/// <summary>
/// Asks for the outbox to be dispatched soon instead of at the next minutely run. Call it only after the transaction
/// that wrote the outbox rows has committed (e.g. in the endpoint, after <c>Send</c> returns): a dispatcher started
/// earlier would not see them yet. Best effort: the recurring run sends them anyway.
/// </summary>
public interface IOutboxDispatchTrigger
{
    void DispatchSoon();
}
