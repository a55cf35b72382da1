namespace ClinicBot.Tests.Teams;

public class AdaptiveCardRulesTests
{
    private const string SimpleCard = """
        {
          "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
          "type": "AdaptiveCard",
          "version": "1.5",
          "body": [ { "type": "TextBlock", "text": "Book a free call", "wrap": true } ],
          "actions": [
            { "type": "Action.Submit", "title": "Book", "data": { "action": "book" } },
            { "type": "Action.OpenUrl", "title": "Call", "url": "tel:8328994065" }
          ]
        }
        """;

    private const string NestedCard = """
        {
          "type": "AdaptiveCard",
          "version": "1.3",
          "body": [
            { "type": "Container", "items": [
              { "type": "ActionSet", "actions": [ { "type": "Action.Submit", "title": "Hours", "data": { "intent": "hours" } } ] }
            ] },
            { "type": "ColumnSet", "columns": [
              { "type": "Column", "selectAction": { "type": "Action.Submit", "data": { "intent": "location" } },
                "items": [ { "type": "TextBlock", "text": "Location" } ] }
            ] },
            { "type": "Table", "columns": [ { "width": 1 } ], "rows": [
              { "type": "TableRow", "cells": [ { "type": "TableCell", "items": [ { "type": "TextBlock", "text": "Mon" } ] } ] }
            ] },
            { "type": "Carousel", "fallback": "drop" },
            { "type": "Input.Text", "id": "name", "label": "Name",
              "inlineAction": { "type": "Action.Submit", "title": "Go", "data": { "step": "name" } } }
          ],
          "actions": [
            { "type": "Action.ShowCard", "title": "More", "card": {
              "type": "AdaptiveCard",
              "body": [ { "type": "Input.ChoiceSet", "id": "slot", "choices": [ { "title": "Morning", "value": "am" } ] } ],
              "actions": [ { "type": "Action.Submit", "title": "Send", "data": { "action": "slot" } } ]
            } },
            { "type": "Action.Execute", "verb": "book", "fallback": { "type": "Action.Submit", "data": { "action": "book" } } },
            { "type": "Action.ToggleVisibility", "title": "Details", "targetElements": [ "details" ] }
          ]
        }
        """;

    public static TheoryData<string, string, string> BadCards => new()
    {
        {
            """{ "type": "AdaptiveCard", "version": "1.6", "body": [] }""",
            "$.version", "above 1.5"
        },
        {
            """{ "type": "AdaptiveCard", "version": "1.10", "body": [] }""",
            "$.version", "above 1.5"
        },
        {
            """{ "type": "AdaptiveCard", "body": [] }""",
            "$", "version is missing"
        },
        {
            """{ "type": "AdaptiveCard", "version": 1.5, "body": [] }""",
            "$.version", "must be a string"
        },
        {
            """{ "type": "HeroCard", "version": "1.5" }""",
            "$", "type must be \"AdaptiveCard\""
        },
        {
            """{ "type": "AdaptiveCard", "version": "1.5", "actions": [ { "type": "Action.Submit", "data": "book" } ] }""",
            "$.actions[0].data", "must be a JSON object"
        },
        {
            """{ "type": "AdaptiveCard", "version": "1.5", "actions": [ { "type": "Action.Submit", "title": "Book" } ] }""",
            "$.actions[0]", "needs data"
        },
        {
            """
            { "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "Container", "items": [
              { "type": "ActionSet", "actions": [ { "type": "Action.Submit", "data": "hours" } ] } ] } ] }
            """,
            "$.body[0].items[0].actions[0].data", "must be a JSON object"
        },
        {
            """
            { "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "ColumnSet", "columns": [
              { "type": "Column", "selectAction": { "type": "Action.Submit", "data": [ "location" ] } } ] } ] }
            """,
            "$.body[0].columns[0].selectAction.data", "must be a JSON object"
        },
        {
            """
            { "type": "AdaptiveCard", "version": "1.5", "actions": [ { "type": "Action.ShowCard", "card": {
              "type": "AdaptiveCard", "actions": [ { "type": "Action.Submit", "data": 42 } ] } } ] }
            """,
            "$.actions[0].card.actions[0].data", "must be a JSON object"
        },
        {
            """
            { "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "Table", "rows": [ { "cells": [
              { "items": [ { "type": "ActionSet", "actions": [ { "type": "Action.Submit", "data": "x" } ] } ] } ] } ] } ] }
            """,
            "$.body[0].rows[0].cells[0].items[0].actions[0].data", "must be a JSON object"
        },
        {
            """
            { "type": "AdaptiveCard", "version": "1.5", "actions": [ { "type": "Action.ShowCard", "card": {
              "type": "AdaptiveCard", "version": "1.6" } } ] }
            """,
            "$.actions[0].card.version", "above 1.5"
        },
        {
            """{ "type": "AdaptiveCard", "version": "1.5", "actions": [ { "type": "Action.Execute", "verb": "book" } ] }""",
            "$.actions[0]", "Action.Execute needs a fallback"
        },
        {
            """{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "Carousel", "pages": [] } ] }""",
            "$.body[0]", "element type \"Carousel\""
        },
        {
            """{ "type": "AdaptiveCard", "version": "1.5", "actions": [ { "type": "Action.Popover" } ] }""",
            "$.actions[0]", "action type \"Action.Popover\""
        },
        {
            """{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "Input.Text", "label": "Phone" } ] }""",
            "$.body[0]", "needs a non-empty id"
        },
        {
            """
            { "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "Input.Text", "id": "phone" } ],
              "actions": [ { "type": "Action.ShowCard", "card": { "type": "AdaptiveCard", "body": [ { "type": "Input.Text", "id": "phone" } ] } } ] }
            """,
            "$.actions[0].card.body[0]", "used more than once"
        },
        {
            """{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "text": "no type" } ] }""",
            "$.body[0]", "type is missing"
        },
        {
            """{ "type": "AdaptiveCard", "version": "1.5", "actions": [ { "type": "Action.OpenUrl", "title": "Site" } ] }""",
            "$.actions[0]", "needs a url"
        },
        {
            """{ "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "Carousel", "fallback": { "type": "Action.Submit", "data": "x" } } ] }""",
            "$.body[0].fallback", "element type \"Action.Submit\""
        },
        {
            """{ "type": "AdaptiveCard", "version": "1.5", "actions": [ { "type": "Action.Submit", "data": { "msteams": "imBack" } } ] }""",
            "$.actions[0].data.msteams", "must be a JSON object"
        },
    };

    [Theory]
    [InlineData(SimpleCard)]
    [InlineData(NestedCard)]
    public void A_teams_compatible_card_has_no_violations(string card)
    {
        Assert.Empty(AdaptiveCardRules.Violations(card));
    }

    [Theory]
    [MemberData(nameof(BadCards))]
    public void A_broken_card_is_reported_once_at_the_right_place(string card, string path, string message)
    {
        var violation = Assert.Single(AdaptiveCardRules.Violations(card));

        Assert.StartsWith(path + ": ", violation);
        Assert.Contains(message, violation);
    }

    [Fact]
    public void Several_problems_are_all_reported()
    {
        const string card = """
            { "type": "AdaptiveCard", "version": "2.0",
              "actions": [ { "type": "Action.Submit", "data": "a" }, { "type": "Action.Submit", "data": "b" } ] }
            """;

        Assert.Equal(3, AdaptiveCardRules.Violations(card).Count);
    }

    [Theory]
    [InlineData("{ \"type\": \"AdaptiveCard\", ")]
    [InlineData("")]
    public void Text_that_is_not_json_is_a_violation_not_an_exception(string text)
    {
        Assert.Contains("not valid JSON", Assert.Single(AdaptiveCardRules.Violations(text)));
    }

    [Fact]
    public void A_card_that_is_not_an_object_is_a_violation()
    {
        Assert.Contains("must be a JSON object", Assert.Single(AdaptiveCardRules.Violations("[1, 2]")));
    }
}
