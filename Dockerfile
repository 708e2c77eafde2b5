# Build: docker build -t coordination-web .   (or `docker compose build`)
# Run:   the image listens on 8080 as a non-root user; see docker-compose.yml for settings.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
WORKDIR /source

# Repository-wide build settings first (the analyzers read .editorconfig).
COPY global.json Directory.Build.props Directory.Packages.props Coordination.sln .editorconfig ./
COPY src/ src/
COPY migrations/ migrations/

# Restores and publishes only the web project (and what it references), not the tests.
RUN dotnet publish src/Coordination.Web/Coordination.Web.csproj -c Release -o /app

# The full aspnet image (not chiseled): it has ICU (cultures, InvariantGlobalization=false) and
# tzdata (IANA time zones), which the app needs.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./

ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 8080

# Non-root user provided by the base image (uid 1654).
USER $APP_UID

# No HEALTHCHECK: the image has no curl/wget; compose orders start-up with depends_on instead.
ENTRYPOINT ["dotnet", "Coordination.Web.dll"]
