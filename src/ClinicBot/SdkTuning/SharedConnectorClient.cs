using Microsoft.Bot.Connector;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace ClinicBot.SdkTuning;

/// <summary>
/// A view of a connector client that the adapter may "dispose" at the end of each turn without closing
/// the shared client behind it. The shared client lives as long as <see cref="ConnectorClientCache"/>.
/// </summary>
internal sealed class SharedConnectorClient(IConnectorClient shared) : IConnectorClient
{
    public Uri BaseUri
    {
        get => shared.BaseUri;
        set => throw new InvalidOperationException("A shared connector client's base address is fixed.");
    }

    public JsonSerializerSettings SerializationSettings => shared.SerializationSettings;

    public JsonSerializerSettings DeserializationSettings => shared.DeserializationSettings;

    public ServiceClientCredentials Credentials => shared.Credentials;

    public IAttachments Attachments => shared.Attachments;

    public IConversations Conversations => shared.Conversations;

    public void Dispose()
    {
        // Intentionally empty: CloudAdapter disposes its connector client after every turn.
    }

    /// <summary>Closes the shared client; only the cache that owns it calls this.</summary>
    public void DisposeShared() => shared.Dispose();
}
