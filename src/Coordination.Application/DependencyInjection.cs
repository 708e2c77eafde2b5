using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Application;

public static class DependencyInjection
{
    /// <summary>Validators and resource rules; the mediator itself is generated and registered by the host.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped, includeInternalTypes: false);
        return services;
    }
}
