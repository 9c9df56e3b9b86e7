using Microsoft.Extensions.Options;

namespace ThiDua.Dashboard.Campaigns;

/// <summary>Settings under <c>ThiDua:Campaigns</c>: how the engines of several campaigns are kept.</summary>
public sealed class CampaignOptions
{
    public const string SectionName = "ThiDua:Campaigns";

    /// <summary>A closed campaign's engine is dropped after this many minutes without a read (built again on the next one).</summary>
    public int IdleMinutes { get; set; } = 30;
}

internal sealed class CampaignOptionsValidation : IValidateOptions<CampaignOptions>
{
    public ValidateOptionsResult Validate(string? name, CampaignOptions options) =>
        options.IdleMinutes is >= 1 and <= 10_080
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{CampaignOptions.SectionName}:IdleMinutes phải từ 1 đến 10080 phút (một tuần); đang là {options.IdleMinutes}.");
}
