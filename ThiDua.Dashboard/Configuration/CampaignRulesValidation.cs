using Microsoft.Extensions.Options;
using ThiDua.Scoring.Rules;

namespace ThiDua.Dashboard.Configuration;

/// <summary>
/// Runs the scoring library's own rules validator on the bound section, so a bad campaign stops
/// start-up with every error named by its configuration key instead of failing later on a board.
/// </summary>
public sealed class CampaignRulesValidation : IValidateOptions<CampaignRules>
{
    public ValidateOptionsResult Validate(string? name, CampaignRules options)
    {
        var result = RulesValidator.Validate(options, CampaignRegistration.SectionName);
        return result.IsValid
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(result.Errors.Select(e => $"{e.Key}: {e.Message}"));
    }
}
