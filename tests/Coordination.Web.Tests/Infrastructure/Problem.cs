namespace Coordination.Web.Tests.Infrastructure;

/// <summary>RFC 9457 problem details as the API returns them.</summary>
public sealed record Problem(string? Type, string? Title, int? Status, string? Detail, Dictionary<string, string[]>? Errors);
