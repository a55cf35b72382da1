using System.Text.Json;
using System.Text.RegularExpressions;

namespace ClinicBot.Tests.Teams;

/// <summary>
/// Checks an Adaptive Card (as JSON) against what Microsoft Teams and Web Chat render and what this bot
/// handles. No Bot Framework or AdaptiveCards package needed; use it in any test:
/// <code>Assert.Empty(AdaptiveCardRules.Violations(cardJson));</code>
/// Rules: the root is type AdaptiveCard with a string version of at most 1.5; element and action types
/// exist in Adaptive Cards 1.5 (others need a fallback); every Action.Submit, wherever it sits (body,
/// actions, ActionSet, Container, Column, Table cell, selectAction, inlineAction, Action.ShowCard card),
/// has data that is a JSON object; Action.Execute needs a fallback; inputs have unique ids;
/// Action.OpenUrl has a url.
/// </summary>
public static partial class AdaptiveCardRules
{
    public static readonly Version MaxVersion = new(1, 5);

    private static readonly HashSet<string> ElementTypes = new(StringComparer.Ordinal)
    {
        "TextBlock", "Image", "Media", "RichTextBlock", "Container", "ColumnSet", "FactSet", "ImageSet",
        "ActionSet", "Table", "Input.Text", "Input.Number", "Input.Date", "Input.Time", "Input.Toggle",
        "Input.ChoiceSet",
    };

    private static readonly HashSet<string> ActionTypes = new(StringComparer.Ordinal)
    {
        "Action.OpenUrl", "Action.Submit", "Action.ShowCard", "Action.ToggleVisibility", "Action.Execute",
    };

    public static IReadOnlyList<string> Violations(string cardJson)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(cardJson);
        }
        catch (JsonException e)
        {
            return [$"$: not valid JSON ({e.Message})"];
        }

        using (document)
        {
            return Violations(document.RootElement);
        }
    }

    public static IReadOnlyList<string> Violations(JsonElement card)
    {
        var walk = new Walk();
        walk.Card(card, "$", isRoot: true);
        return walk.Found;
    }

    /// <summary>True when the JSON object declares itself an Adaptive Card.</summary>
    public static bool IsAdaptiveCard(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty("type", out var type)
        && type.ValueKind == JsonValueKind.String
        && type.GetString() == "AdaptiveCard";

    [GeneratedRegex(@"^(\d{1,4})\.(\d{1,4})$")]
    private static partial Regex VersionPattern();

    private sealed class Walk
    {
        private readonly HashSet<string> _inputIds = new(StringComparer.Ordinal);

        public List<string> Found { get; } = [];

        public void Card(JsonElement card, string path, bool isRoot)
        {
            if (card.ValueKind != JsonValueKind.Object)
            {
                Add(path, $"a card must be a JSON object (got {card.ValueKind})");
                return;
            }

            if (!IsAdaptiveCard(card))
            {
                Add(path, "type must be \"AdaptiveCard\"");
            }

            if (card.TryGetProperty("version", out var version))
            {
                CheckVersion(version, path + ".version");
            }
            else if (isRoot)
            {
                Add(path, "version is missing (Teams needs it; use \"1.5\" or lower)");
            }

            Elements(card, "body", path);
            Actions(card, "actions", path);
            OptionalAction(card, "selectAction", path);
            if (card.TryGetProperty("refresh", out var refresh) && refresh.ValueKind == JsonValueKind.Object)
            {
                OptionalAction(refresh, "action", path + ".refresh");
            }
        }

        private void CheckVersion(JsonElement version, string path)
        {
            if (version.ValueKind != JsonValueKind.String)
            {
                Add(path, $"version must be a string like \"1.5\" (got {version.ValueKind})");
                return;
            }

            var match = VersionPattern().Match(version.GetString()!);
            if (!match.Success)
            {
                Add(path, $"version \"{version.GetString()}\" is not MAJOR.MINOR");
                return;
            }

            var parsed = new Version(int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value));
            if (parsed > MaxVersion)
            {
                Add(path, $"version {parsed} is above {MaxVersion}, the highest Teams renders");
            }
        }

        private void Elements(JsonElement parent, string property, string path)
        {
            if (!parent.TryGetProperty(property, out var items))
            {
                return;
            }

            if (items.ValueKind != JsonValueKind.Array)
            {
                Add($"{path}.{property}", "must be an array");
                return;
            }

            var i = 0;
            foreach (var item in items.EnumerateArray())
            {
                Element(item, $"{path}.{property}[{i++}]");
            }
        }

        private void Element(JsonElement element, string path)
        {
            if (!TryGetType(element, path, out var type))
            {
                return;
            }

            if (!ElementTypes.Contains(type))
            {
                if (!ElementFallback(element, path))
                {
                    Add(path, $"element type \"{type}\" is not in Adaptive Cards {MaxVersion} and has no fallback");
                }

                return;
            }

            ElementFallback(element, path);
            OptionalAction(element, "selectAction", path);
            switch (type)
            {
                case "Container":
                    Elements(element, "items", path);
                    break;
                case "ColumnSet":
                    Columns(element, path);
                    break;
                case "ActionSet":
                    Actions(element, "actions", path);
                    break;
                case "ImageSet":
                    Elements(element, "images", path);
                    break;
                case "Table":
                    TableRows(element, path);
                    break;
                case "RichTextBlock":
                    Inlines(element, path);
                    break;
                case "Input.Text":
                    InputId(element, path);
                    OptionalAction(element, "inlineAction", path);
                    break;
                default:
                    if (type.StartsWith("Input.", StringComparison.Ordinal))
                    {
                        InputId(element, path);
                    }

                    break;
            }
        }

        /// <summary>Checks a "fallback" element if present; true when there is one (an element or "drop").</summary>
        private bool ElementFallback(JsonElement element, string path)
        {
            if (!element.TryGetProperty("fallback", out var fallback))
            {
                return false;
            }

            if (fallback.ValueKind == JsonValueKind.Object)
            {
                Element(fallback, path + ".fallback");
            }

            return fallback.ValueKind == JsonValueKind.Object || fallback.ValueEquals("drop");
        }

        private void Columns(JsonElement columnSet, string path)
        {
            if (!columnSet.TryGetProperty("columns", out var columns) || columns.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            var i = 0;
            foreach (var column in columns.EnumerateArray())
            {
                var columnPath = $"{path}.columns[{i++}]";
                if (column.ValueKind != JsonValueKind.Object)
                {
                    Add(columnPath, "a column must be a JSON object");
                    continue;
                }

                if (column.TryGetProperty("type", out var type) && !type.ValueEquals("Column"))
                {
                    Add(columnPath, $"a column's type must be \"Column\" (got {type})");
                }

                Elements(column, "items", columnPath);
                OptionalAction(column, "selectAction", columnPath);
            }
        }

        private void TableRows(JsonElement table, string path)
        {
            if (!table.TryGetProperty("rows", out var rows) || rows.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            var r = 0;
            foreach (var row in rows.EnumerateArray())
            {
                var rowPath = $"{path}.rows[{r++}]";
                if (row.ValueKind != JsonValueKind.Object
                    || !row.TryGetProperty("cells", out var cells)
                    || cells.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                var c = 0;
                foreach (var cell in cells.EnumerateArray())
                {
                    var cellPath = $"{rowPath}.cells[{c++}]";
                    if (cell.ValueKind == JsonValueKind.Object)
                    {
                        Elements(cell, "items", cellPath);
                        OptionalAction(cell, "selectAction", cellPath);
                    }
                }
            }
        }

        private void Inlines(JsonElement richText, string path)
        {
            if (!richText.TryGetProperty("inlines", out var inlines) || inlines.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            var i = 0;
            foreach (var inline in inlines.EnumerateArray())
            {
                if (inline.ValueKind == JsonValueKind.Object)
                {
                    OptionalAction(inline, "selectAction", $"{path}.inlines[{i}]");
                }

                i++;
            }
        }

        private void InputId(JsonElement input, string path)
        {
            if (!input.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(id.GetString()))
            {
                Add(path, "an input needs a non-empty id (its value is submitted under that id)");
            }
            else if (!_inputIds.Add(id.GetString()!))
            {
                Add(path, $"input id \"{id.GetString()}\" is used more than once in the card");
            }
        }

        private void Actions(JsonElement parent, string property, string path)
        {
            if (!parent.TryGetProperty(property, out var actions))
            {
                return;
            }

            if (actions.ValueKind != JsonValueKind.Array)
            {
                Add($"{path}.{property}", "must be an array");
                return;
            }

            var i = 0;
            foreach (var action in actions.EnumerateArray())
            {
                Action(action, $"{path}.{property}[{i++}]");
            }
        }

        private void OptionalAction(JsonElement parent, string property, string path)
        {
            if (parent.TryGetProperty(property, out var action))
            {
                Action(action, $"{path}.{property}");
            }
        }

        private void Action(JsonElement action, string path)
        {
            if (!TryGetType(action, path, out var type))
            {
                return;
            }

            var hasFallback = ActionFallback(action, path);
            switch (type)
            {
                case "Action.Submit":
                    SubmitData(action, path);
                    break;
                case "Action.ShowCard":
                    if (action.TryGetProperty("card", out var card))
                    {
                        Card(card, path + ".card", isRoot: false);
                    }
                    else
                    {
                        Add(path, "Action.ShowCard needs a card");
                    }

                    break;
                case "Action.OpenUrl":
                    if (!action.TryGetProperty("url", out var url) || url.ValueKind != JsonValueKind.String
                        || string.IsNullOrWhiteSpace(url.GetString()))
                    {
                        Add(path, "Action.OpenUrl needs a url");
                    }

                    break;
                case "Action.Execute":
                    if (!hasFallback)
                    {
                        Add(path, "Action.Execute needs a fallback (Web Chat and this bot handle Action.Submit); use Action.Submit");
                    }

                    break;
                default:
                    if (!ActionTypes.Contains(type) && !hasFallback)
                    {
                        Add(path, $"action type \"{type}\" is not in Adaptive Cards {MaxVersion} and has no fallback");
                    }

                    break;
            }
        }

        private bool ActionFallback(JsonElement action, string path)
        {
            if (!action.TryGetProperty("fallback", out var fallback))
            {
                return false;
            }

            if (fallback.ValueKind == JsonValueKind.Object)
            {
                Action(fallback, path + ".fallback");
            }

            return fallback.ValueKind == JsonValueKind.Object || fallback.ValueEquals("drop");
        }

        private void SubmitData(JsonElement submit, string path)
        {
            if (!submit.TryGetProperty("data", out var data))
            {
                Add(path, "Action.Submit needs data, a JSON object (e.g. {\"action\": \"book\"})");
                return;
            }

            if (data.ValueKind != JsonValueKind.Object)
            {
                Add(path + ".data", $"Action.Submit data must be a JSON object, not {data.ValueKind} (Teams drops or mangles other values)");
                return;
            }

            if (data.TryGetProperty("msteams", out var msteams) && msteams.ValueKind != JsonValueKind.Object)
            {
                Add(path + ".data.msteams", "msteams must be a JSON object");
            }
        }

        private bool TryGetType(JsonElement item, string path, out string type)
        {
            type = string.Empty;
            if (item.ValueKind != JsonValueKind.Object)
            {
                Add(path, $"must be a JSON object (got {item.ValueKind})");
                return false;
            }

            if (!item.TryGetProperty("type", out var typeValue) || typeValue.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(typeValue.GetString()))
            {
                Add(path, "type is missing");
                return false;
            }

            type = typeValue.GetString()!;
            return true;
        }

        private void Add(string path, string message) => Found.Add($"{path}: {message}");
    }
}
