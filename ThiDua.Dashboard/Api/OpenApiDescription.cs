using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ThiDua.Dashboard.Accounts;

namespace ThiDua.Dashboard.Api;

/// <summary>
/// What /openapi/v1.json cannot learn from the endpoints themselves: the key header as a security scheme
/// (required by every writing operation, optional for reading), the sign-in cookie the audit also takes,
/// the types and bounds of the query parameters (bound as text so that our code, not binding, refuses a
/// malformed one), and a server address without a trailing slash.
/// </summary>
public sealed class OpenApiDescription : IOpenApiDocumentTransformer
{
    public const string KeyScheme = "ApiKey";
    public const string CookieScheme = "Cookie";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "ThiDua API";
        document.Info.Description = "Bảng xếp hạng thi đua: đọc bảng, điểm, đề xuất khen thưởng; gửi và nhập số liệu (cần khóa API).";
        foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>()) tag.Description ??= "Giao diện lập trình của ThiDua, phiên bản 1.";

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[KeyScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeys.Header,
            Description = "Khóa API: bắt buộc khi ghi; khi đọc chỉ cần nếu ThiDua:Access:AnonymousRead là false.",
        };
        document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = AccessRegistration.CookieName,
            Description = "Cookie đăng nhập của trang /dang-nhap.",
        };

        // Reading: anonymous by default ({}), or with a key or the sign-in cookie when anonymous reading is off.
        document.Security = [new OpenApiSecurityRequirement(), Requirement(document, KeyScheme), Requirement(document, CookieScheme)];
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                // The audit trail and the registrations are never anonymous reading.
                if (path.StartsWith("/api/v1/audit", StringComparison.Ordinal) || path.StartsWith("/api/v1/registrations", StringComparison.Ordinal) && method == HttpMethod.Get)
                    operation.Security = [Requirement(document, KeyScheme), Requirement(document, CookieScheme)];
                else if (method != HttpMethod.Get)
                    operation.Security = [Requirement(document, KeyScheme)];
                foreach (var parameter in operation.Parameters ?? []) Describe(parameter);
                if (Campaigns.CampaignSelection.Applies(path)) (operation.Parameters ??= []).Add(CampaignParameter());
            }
        }
        return Task.CompletedTask;
    }

    private static OpenApiSecurityRequirement Requirement(OpenApiDocument document, string scheme) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };

    private static void Describe(IOpenApiParameter parameter)
    {
        if (parameter is not OpenApiParameter { In: ParameterLocation.Query } query) return;
        (query.Schema, query.Description) = query.Name switch
        {
            "asOf" => (Date(), "Ngày số liệu yyyy-MM-dd trong đợt thi đua; mặc định hôm nay (giới hạn trong đợt)."),
            "from" => (Date(), "Từ ngày (UTC), yyyy-MM-dd, tính cả ngày đó."),
            "to" => (Date(), "Đến ngày (UTC), yyyy-MM-dd, tính cả ngày đó; không trước from."),
            "dryRun" => (new OpenApiSchema { Type = JsonSchemaType.Boolean, Default = JsonValue.Create(true) },
                "true (mặc định): chỉ xem trước; false: lưu nếu tệp không có lỗi."),
            "limit" => (new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = "10000", Default = JsonValue.Create(500) },
                "Số mục tối đa, từ 1 đến 10000."),
            "status" => (new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("submitted"), JsonValue.Create("accepted"), JsonValue.Create("returned")] },
                "Chỉ lấy đăng ký ở trạng thái này: submitted (đã gửi), accepted (được chấp nhận) hoặc returned (bị trả lại); bỏ trống để lấy tất cả."),
            "format" => (new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("xlsx"), JsonValue.Create("csv")] },
                "Định dạng tệp: xlsx hoặc csv (mặc định xlsx khi xuất, csv với tệp mẫu)."),
            _ => (query.Schema, query.Description),
        };
    }

    /// <summary><c>?campaign=</c>, which every endpoint of a campaign takes (Campaigns/CampaignSelection).</summary>
    private static OpenApiParameter CampaignParameter() => new()
    {
        Name = Campaigns.CampaignSelection.Parameter,
        In = ParameterLocation.Query,
        Required = false,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[a-z0-9]+(?:[-_.][a-z0-9]+)*$", MaxLength = Campaigns.CampaignCode.MaxLength },
        Description = "Mã chiến dịch (GET /api/v1/campaigns); mặc định là chiến dịch mặc định. Mã không có: 404; chiến dịch đã kết thúc: mọi thao tác ghi 409.",
    };

    private static OpenApiSchema Date() => new() { Type = JsonSchemaType.String, Format = "date" };
}
