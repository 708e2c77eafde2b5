using System.Diagnostics;
using Coordination.Application.Common.Security;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Coordination.Application.Common.Behaviors;

/// <summary>Outermost step: one log line per use case with who ran it, how long it took, and how it ended.</summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(
    ILogger<LoggingBehavior<TMessage, TResponse>> logger, ICurrentUser user)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var name = typeof(TMessage).Name;
        try
        {
            var response = await next(message, cancellationToken);
            LogHandled(name, user.UserId, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex)
        {
            LogFailed(name, user.UserId, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.GetType().Name);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{UseCase} by {UserId} handled in {ElapsedMs:0.0} ms")]
    private partial void LogHandled(string useCase, Guid? userId, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{UseCase} by {UserId} ended in {ElapsedMs:0.0} ms with {Outcome}")]
    private partial void LogFailed(string useCase, Guid? userId, double elapsedMs, string outcome);
}
