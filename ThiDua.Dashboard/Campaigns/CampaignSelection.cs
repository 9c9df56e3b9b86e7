using ThiDua.Dashboard.Api;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Campaigns;

/// <summary>
/// <c>?campaign=CODE</c> on every endpoint under /api/v1 that speaks of a campaign: the request's services
/// become that campaign's (the default campaign's without the parameter), so each endpoint answers for
/// it unchanged. An unknown code is 404, a malformed one 400 naming the parameter, a draft 409, and a
/// write to a closed campaign 409: a closed campaign is read-only everywhere.
/// </summary>
public static class CampaignSelection
{
    public const string Parameter = "campaign";

    /// <summary>Under /api/v1 but not of one campaign: the campaigns themselves and the audit trail.</summary>
    private static readonly string[] _notOfACampaign = ["/api/v1/campaigns", "/api/v1/audit"];

    public static WebApplication UseCampaignSelection(this WebApplication app)
    {
        app.Use(SelectAsync);
        return app;
    }

    /// <summary>True for a path under /api/v1 that speaks of one campaign.</summary>
    public static bool Applies(PathString path) =>
        path.StartsWithSegments("/api/v1") && !_notOfACampaign.Any(p => path.StartsWithSegments(p));

    private static async Task SelectAsync(HttpContext context, Func<Task> next)
    {
        if (!Applies(context.Request.Path))
        {
            await next();
            return;
        }

        var engines = context.RequestServices.GetRequiredService<CampaignEngines>();
        var values = context.Request.Query[Parameter];
        CampaignRecord campaign;
        if (values.Count == 0)
        {
            campaign = engines.DefaultCampaign;
        }
        else
        {
            var code = values.Count == 1 ? values[0] : null;
            if (!CampaignCode.IsWellFormed(code))
            {
                await Problems.BadParameter(Parameter, "Mã chiến dịch không hợp lệ",
                    $"campaign phải là một mã chiến dịch: chữ thường không dấu, chữ số, nối bằng “-”, “_” hoặc “.”, tối đa {CampaignCode.MaxLength} ký tự"
                    + (values.Count > 1 ? "; chỉ gửi một lần." : $"; nhận được “{Echo.Input(code ?? "")}”.")).ExecuteAsync(context);
                return;
            }
            if (engines.Find(code!) is not { } found)
            {
                await CampaignProblems.NotFound(code!).ExecuteAsync(context);
                return;
            }
            campaign = found;
        }

        if (campaign.IsDraft)
        {
            await CampaignProblems.Draft(campaign).ExecuteAsync(context);
            return;
        }
        if (campaign.IsClosed && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await CampaignProblems.Closed(campaign).ExecuteAsync(context);
            return;
        }

        var services = await engines.GetAsync(campaign.Code, context.RequestAborted);
        if (services is null)
        {
            await CampaignProblems.NotFound(campaign.Code).ExecuteAsync(context);
            return;
        }
        context.RequestServices.GetRequiredService<CampaignContext>().TryChoose(campaign.Code);
        var own = context.RequestServices;
        context.RequestServices = new CampaignRequestServices(own, services);
        try
        {
            await next();
        }
        finally
        {
            context.RequestServices = own;
        }
    }
}
