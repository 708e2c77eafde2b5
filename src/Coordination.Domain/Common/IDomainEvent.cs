namespace Coordination.Domain.Common;

/// <summary>Something that happened in the domain, named in the past tense (e.g. <c>ProgressReported</c>).</summary>
public interface IDomainEvent;
