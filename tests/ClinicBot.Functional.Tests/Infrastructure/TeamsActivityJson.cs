using System.Text.Json.Nodes;

namespace ClinicBot.Tests.Infrastructure;

/// <summary>Activities shaped as Microsoft Teams sends them (channelId msteams, tenant, conversation type, mentions).</summary>
public static class TeamsActivityJson
{
    public const string BotId = "28:clinicbot-app-id";
    public const string BotName = "ClinicBot";

    public static JsonObject Message(string text, string conversationId, string serviceUrl, string tenantId, string conversationType = "personal", bool mentionBot = false)
    {
        var activity = Base("message", conversationId, serviceUrl, tenantId, conversationType);
        if (mentionBot)
        {
            var mentionText = $"<at>{BotName}</at>";
            activity["text"] = $"{mentionText} {text}";
            activity["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = mentionText,
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
            });
        }
        else
        {
            activity["text"] = text;
        }

        return activity;
    }

    public static JsonObject InstallationAdd(string conversationId, string serviceUrl, string tenantId, string conversationType = "personal")
    {
        var activity = Base("installationUpdate", conversationId, serviceUrl, tenantId, conversationType);
        activity["action"] = "add";
        return activity;
    }

    public static JsonObject MembersAdded(string conversationId, string serviceUrl, string tenantId, params string[] memberIds)
    {
        var activity = Base("conversationUpdate", conversationId, serviceUrl, tenantId, "personal");
        activity["membersAdded"] = new JsonArray(memberIds.Select(id => (JsonNode)new JsonObject { ["id"] = id }).ToArray());
        activity["channelData"]!["eventType"] = "teamMemberAdded";
        return activity;
    }

    public static JsonObject CardSubmit(JsonObject value, string conversationId, string serviceUrl, string tenantId)
    {
        var activity = Base("message", conversationId, serviceUrl, tenantId, "personal");
        activity["value"] = value;
        return activity;
    }

    private static JsonObject Base(string type, string conversationId, string serviceUrl, string tenantId, string conversationType) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString("N"),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "29:teams-user-1", ["name"] = "Teams User", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000aa" },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = BotName },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationType, ["tenantId"] = tenantId },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
        ["locale"] = "en-US",
    };
}
