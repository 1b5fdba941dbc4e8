# syntax=docker/dockerfile:1
# The MuScore gRPC server (src/MuScore.Server): built with the .NET 10 SDK, run on the ASP.NET Core
# runtime image as its non-root user "app". Data lives in the volume /data (SQLite by default).
#   docker build -t muscore-server .
#   docker run --rm -p 5080:8080 -v muscore-data:/data muscore-server
# See README.md, "Running the service".

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore from the build policy and the project files alone, so that this layer is reused until a
# project or a package version changes, not on every source edit.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/MuScore.Core/MuScore.Core.csproj src/MuScore.Core/
COPY src/MuScore.Store/MuScore.Store.csproj src/MuScore.Store/
COPY src/MuScore.Contracts/MuScore.Contracts.csproj src/MuScore.Contracts/
COPY src/MuScore.Ingest/MuScore.Ingest.csproj src/MuScore.Ingest/
COPY src/MuScore.Reports/MuScore.Reports.csproj src/MuScore.Reports/
COPY src/MuScore.Server/MuScore.Server.csproj src/MuScore.Server/
RUN dotnet restore src/MuScore.Server/MuScore.Server.csproj

# Only what the server is built from: the contract and its six projects (the web console reads
# and writes tables with MuScore.Ingest and draws with MuScore.Reports).
COPY protos/ protos/
COPY src/MuScore.Core/ src/MuScore.Core/
COPY src/MuScore.Store/ src/MuScore.Store/
COPY src/MuScore.Contracts/ src/MuScore.Contracts/
COPY src/MuScore.Ingest/ src/MuScore.Ingest/
COPY src/MuScore.Reports/ src/MuScore.Reports/
COPY src/MuScore.Server/ src/MuScore.Server/
RUN dotnet publish src/MuScore.Server/MuScore.Server.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app

# The data directory belongs to "app" (UID 1654, shipped by the .NET 8+ images); a new named
# volume mounted there takes over this ownership.
RUN mkdir -p /data && chown app:app /data
COPY --from=build /app ./

# Inside a container every interface (0.0.0.0) is right, and beyond loopback the server serves
# TLS and authenticated callers only (docs/security.md): it reads its certificate, key and the
# token-signing public keys from /etc/muscore, mounted read-only; without them it refuses to
# start, naming the missing file. ASPNETCORE_HTTP_PORTS (8080 in the base image) is cleared so
# that the URL above is the only binding. Every other setting (docs/service.md) is an environment
# variable: MuScore__Store__Provider=Postgres, MuScore__Redis__ConnectionString=redis:6379, ...
ENV ASPNETCORE_URLS=https://0.0.0.0:8443 \
    ASPNETCORE_HTTP_PORTS= \
    MuScore__Store__ConnectionString="Data Source=/data/muscore.db" \
    MuScore__Tls__CertificateFile=/etc/muscore/tls/server.pem \
    MuScore__Tls__KeyFile=/etc/muscore/tls/server.key.pem \
    MuScore__Auth__Jwt__PublicKeyFile=/etc/muscore/keys/muscore.public.pem
VOLUME /data
EXPOSE 8443

# No HEALTHCHECK: the runtime image has no gRPC client to probe with. Orchestrators probe the
# standard grpc.health.v1 service themselves: a load balancer over TLS on 8443; the kubelet's
# plaintext "grpc:" probe on the health-only port MuScore__Health__ProbePort (deploy/README.md).
USER app
ENTRYPOINT ["dotnet", "MuScore.Server.dll"]
