namespace Coordination.Application.Common.Exceptions;

/// <summary>A stale version or a state that forbids the change: 409 with a sentence a user understands.</summary>
public sealed class ConflictException(string message) : Exception(message);
