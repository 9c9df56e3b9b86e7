namespace ThiDua.Scoring.Rules;

/// <summary>One finding about the rules, tied to the configuration key it concerns.</summary>
/// <param name="Code">Stable machine code, e.g. <c>group-overlap</c> or <c>dossier-hole</c>.</param>
/// <param name="Key">Configuration key, e.g. <c>ThiDua:Campaign:Groups:3:MinDossiers</c>.</param>
/// <param name="Message">A Vietnamese sentence for the operator.</param>
public sealed record RuleIssue(string Code, string Key, string Message);

public sealed record RulesValidation(IReadOnlyList<RuleIssue> Errors, IReadOnlyList<RuleIssue> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}
