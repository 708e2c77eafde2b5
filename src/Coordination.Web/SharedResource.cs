namespace Coordination.Web;

/// <summary>The one resource class every page and mail text is looked up through (Resources/SharedResource.*.resx).</summary>
public sealed class SharedResource;
