namespace Coordination.Domain.Common;

/// <summary>A broken business rule, with a sentence the person who tried can read and act on.</summary>
public sealed class DomainException(string message) : Exception(message);
