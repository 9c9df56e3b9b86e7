using System.Globalization;
using ThiDua.Dashboard.Live;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Api;

/// <summary>The <c>asOf</c> query parameter every reading endpoint takes: ISO date inside the campaign, default today clamped.</summary>
public static class AsOfQuery
{
    public const string Name = "asOf";
    private const string Title = "Ngày số liệu không hợp lệ";

    public static bool TryResolve(string? text, EngineHost host, out DateOnly asOf, out IResult? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            asOf = host.DefaultAsOf();
            return true;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            problem = Problems.BadParameter(Name, Title, $"asOf “{Echo.Input(text)}” phải có dạng yyyy-MM-dd.");
            return false;
        }
        if (!host.Campaign.IsInPeriod(asOf))
        {
            var rules = host.Rules;
            problem = Problems.BadParameter(Name, Title,
                $"asOf: ngày {Vi.Date(asOf)} nằm ngoài đợt thi đua ({Vi.Date(rules.PeriodStart)} – {Vi.Date(rules.PeriodEnd)}).");
            return false;
        }
        return true;
    }
}
