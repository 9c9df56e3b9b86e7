using System.Text.Json.Nodes;
using ThiDua.Dashboard.Campaigns.Files;

namespace ThiDua.Dashboard.Tests.Campaigns;

/// <summary>A small valid campaign file to break one field at a time, and assertions on what the reader says.</summary>
internal static class CampaignJson
{
    public static JsonObject Valid() => JsonNode.Parse(
        """
        {
          "code": "thu-nghiem",
          "name": "Đợt thử nghiệm",
          "periodStart": "2025-01-01",
          "periodEnd": "2025-12-31",
          "registrationDeadline": "2025-03-31",
          "blocks": [ { "code": "k", "name": "Khối thử" } ],
          "groups": [ { "block": "k", "code": "all", "name": "Toàn khối", "awardSlots": 1 } ],
          "indicators": [ { "code": "x", "name": "Nội dung x", "maxPoints": 10, "fullCreditAt": 1, "appliesTo": [ "k" ] } ],
          "units": [
            { "code": "u1", "name": "Đơn vị một", "block": "k" },
            { "code": "u2", "name": "Đơn vị hai", "block": "k" }
          ]
        }
        """)!.AsObject();

    public static JsonObject Unit(JsonObject file, int index) => file["units"]![index]!.AsObject();

    public static CampaignFileReport Read(JsonNode file) => CampaignFileReader.Read(file.ToJsonString());

    /// <summary>The file has exactly one error, with this code, path and sentence.</summary>
    public static void AssertOnlyError(CampaignFileReport report, string code, string path, string message)
    {
        var error = Assert.Single(report.Errors);
        Assert.Equal((code, path, message), (error.Code, error.Path, error.Message));
        Assert.Null(report.Definition);
    }
}
