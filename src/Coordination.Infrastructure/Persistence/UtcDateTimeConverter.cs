using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Coordination.Infrastructure.Persistence;

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    toStore => toStore.Kind == DateTimeKind.Utc ? toStore : DateTime.SpecifyKind(toStore.ToUniversalTime(), DateTimeKind.Utc),
    fromStore => DateTime.SpecifyKind(fromStore, DateTimeKind.Utc));
