using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Coordination.Infrastructure.Jobs;

/// <summary>Ready only when the job storage answers: a connection is opened and the servers are listed.</summary>
internal sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var servers = storage.GetMonitoringApi().Servers().Count;
            return Task.FromResult(HealthCheckResult.Healthy($"{servers} job server(s)"));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The job storage does not answer.", ex));
        }
    }
}
