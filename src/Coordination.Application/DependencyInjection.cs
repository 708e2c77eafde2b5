using Coordination.Application.Common.Abstractions;
using Coordination.Application.Imports;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Application;

public static class DependencyInjection
{
    /// <summary>Validators, resource rules and domain event handlers; the mediator itself is generated and registered by the host.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        var assembly = typeof(DependencyInjection).Assembly;
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped, includeInternalTypes: false);
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && IsRegisteredByConvention(i.GetGenericTypeDefinition())))
                services.AddScoped(contract, type);
        }

        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section);
        services.AddSingleton<PlanFileReader>();
        services.AddScoped<ActionPointImporter>();
        services.AddScoped<Notifications.MailOutbox>();

        return services;
    }

    private static bool IsRegisteredByConvention(Type contract) =>
        contract == typeof(IDomainEventHandler<>) || contract == typeof(Common.Security.IAccessRule<>);
}
