namespace Coordination.Domain.Common;

/// <summary>Rows that are mechanics, not decisions (outgoing mail), and so leave no audit entry.</summary>
public interface INotAudited;
