using ThiDua.Dashboard.Api;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Campaigns;

/// <summary>The API's answers about a campaign that cannot serve a request, in Vietnamese.</summary>
public static class CampaignProblems
{
    public static IResult NotFound(string code) =>
        Problems.Refused(StatusCodes.Status404NotFound, "Không tìm thấy chiến dịch", [$"Không có chiến dịch mã “{Echo.Input(code)}”."]);

    public static IResult Draft(CampaignRecord campaign) =>
        Problems.Refused(StatusCodes.Status409Conflict, "Chiến dịch chưa kích hoạt",
            [$"Chiến dịch “{campaign.Code}” còn là bản nháp: kích hoạt nó (POST /api/v1/campaigns/{campaign.Code}/activate) trước khi gửi số liệu hay xem bảng xếp hạng."]);

    public static IResult Closed(CampaignRecord campaign) =>
        Problems.Refused(StatusCodes.Status409Conflict, "Chiến dịch đã kết thúc",
            [$"Chiến dịch “{campaign.Code}” đã kết thúc: chỉ xem được, không ghi thêm số liệu, đăng ký, tiêu chí, đề cử, xếp loại, bước xét khen hay biên bản."]);
}
