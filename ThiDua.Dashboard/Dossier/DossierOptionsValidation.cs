using Microsoft.Extensions.Options;
using ThiDua.Dashboard.Configuration;

namespace ThiDua.Dashboard.Dossier;

/// <summary>
/// The texts every dossier prints: one left blank would leave a hole in an official document
/// (Nghị định 30/2020) that nobody notices until it is printed. Place, the signer's authority and
/// name may stay empty by design (a blank to fill in by hand).
/// </summary>
internal sealed class DossierOptionsValidation : IValidateOptions<DossierOptions>
{
    public ValidateOptionsResult Validate(string? name, DossierOptions options)
    {
        var failures = new OptionFailures(DossierOptions.SectionName);
        failures.Required(nameof(DossierOptions.IssuerParent), options.IssuerParent, "cơ quan cấp trên của cơ quan ban hành");
        failures.Required(nameof(DossierOptions.Issuer), options.Issuer, "cơ quan ban hành");
        failures.Required(nameof(DossierOptions.IssuerFullName), options.IssuerFullName, "tên đầy đủ của cơ quan ban hành");
        failures.Required(nameof(DossierOptions.IssuerCode), options.IssuerCode, "chữ viết tắt của cơ quan ban hành trong số văn bản");
        failures.Required(nameof(DossierOptions.Recipient), options.Recipient, "nơi nhận tờ trình (“Kính gửi”)");
        failures.Required(nameof(DossierOptions.AwardName), options.AwardName, "tên hình thức khen thưởng");
        failures.Required(nameof(DossierOptions.DecisionMaker), options.DecisionMaker, "người quyết định khen thưởng");
        failures.Required(nameof(DossierOptions.SignerTitle), options.SignerTitle, "chức danh người ký");
        for (var i = 0; i < options.LegalGrounds.Count; i++)
            failures.Required($"{nameof(DossierOptions.LegalGrounds)}:{i}", options.LegalGrounds[i], "nội dung dòng “Căn cứ”");
        for (var i = 0; i < options.Recipients.Count; i++)
            failures.Required($"{nameof(DossierOptions.Recipients)}:{i}", options.Recipients[i], "nội dung dòng “Nơi nhận”");
        return failures.Result;
    }
}
