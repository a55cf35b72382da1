# ClinicBot: build with the SDK image, run on the ASP.NET Core runtime image as its non-root user.
# docker build -t clinicbot . && docker run -p 8080:8080 -v clinicbot-data:/app/data clinicbot
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY . .
RUN dotnet publish src/ClinicBot/ClinicBot.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# The data and keys folders (SQLite file, Data Protection keys) belong to the image's non-root user; mount a volume here.
RUN mkdir -p /app/data /app/keys && chown -R $APP_UID /app/data /app/keys
USER $APP_UID
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    Storage__DataFolder=/app/data
EXPOSE 8080
VOLUME ["/app/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["dotnet", "ClinicBot.dll", "health"]
ENTRYPOINT ["dotnet", "ClinicBot.dll"]
