using System.Globalization;
using Microsoft.AspNetCore.Components;
using ThiDua.Dashboard.Accounts;
using ThiDua.Dashboard.Components.Controls;
using ThiDua.Dashboard.Audit;
using ThiDua.Dashboard.Dossier;
using ThiDua.Dashboard.Live;
using ThiDua.Dashboard.Storage;

namespace ThiDua.Dashboard.Components.Review;

/// <summary>
/// The selection meeting's minutes on /khen-thuong: the City Office (committee) or an admin enters time,
/// place, chair, secretary, attendees and a vote per proposed unit and individual; everyone else reads them.
/// </summary>
public sealed partial class MeetingPanel : CampaignComponent
{
    /// <summary>A part of the awards page, which answers an unknown campaign.</summary>
    protected override bool ShowsNotFound => false;

    private MeetingBook Meetings => Campaign.Get<MeetingBook>();
    private EngineHost Host => Campaign.Host;

    [Parameter] public SignedInUser? User { get; set; }

    /// <summary>Changes when the proposal changes, so the vote rows follow the proposed units and individuals.</summary>
    [Parameter] public object? ProposalVersion { get; set; }

    private bool CanEdit => User is { MayNominate: true, MustChangePassword: false };
    private MeetingMinutesRecord? Current { get; set; }
    private IReadOnlyList<MeetingSubject> Subjects { get; set; } = [];
    private Dictionary<string, VoteRow> Votes { get; } = new(StringComparer.Ordinal);
    private List<string> Errors { get; set; } = [];
    private bool Saved { get; set; }
    private bool _filled;
    private object? _loadedFor;

    private string? At { get; set; }
    private string? Place { get; set; }
    private string? Chair { get; set; }
    private string? Secretary { get; set; }
    private string? Attendees { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (_filled && Equals(_loadedFor, ProposalVersion)) return;
        _loadedFor = ProposalVersion;
        Current = await Meetings.CurrentAsync();
        Subjects = await Meetings.SubjectsAsync();
        // The form is filled once from the recorded minutes; later re-renders keep what is being typed.
        if (!_filled) Fill(Current);
        _filled = true;
    }

    private void Fill(MeetingMinutesRecord? record)
    {
        var minutes = record?.Minutes;
        At = minutes?.At.ToString(MeetingRepository.TimeFormat, CultureInfo.InvariantCulture);
        Place = minutes?.Place;
        Chair = minutes?.Chair;
        Secretary = minutes?.Secretary;
        Attendees = minutes is null ? null : string.Join('\n', minutes.Attendees);
        Votes.Clear();
        foreach (var vote in minutes?.Votes ?? [])
            Votes[vote.Subject] = new VoteRow { For = vote.For, Against = vote.Against, Abstain = vote.Abstain };
    }

    private VoteRow Row(string subject) => Votes.TryGetValue(subject, out var row) ? row : Votes[subject] = new VoteRow();

    private string LabelOf(string subject) => Subjects.FirstOrDefault(s => s.Key == subject)?.Label ?? subject;

    private async Task SaveAsync()
    {
        if (!CanEdit) return;
        Saved = false;
        // One person a line; blank lines are only spacing.
        var attendees = (Attendees ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList<string?>();
        // A row left wholly blank was not voted on; a partly filled one counts its blanks as nobody.
        var votes = Subjects.Select(s => (s.Key, Row: Row(s.Key))).Where(v => v.Row.IsFilled)
            .Select(v => new MeetingVoteDraft(v.Key, v.Row.For ?? 0, v.Row.Against ?? 0, v.Row.Abstain ?? 0)).ToList();
        try
        {
            var (recorded, errors) = await Meetings.RecordAsync(new MeetingMinutesDraft(ToMinute(At), Place, Chair, Secretary, attendees, votes), User!.UserName, User.Address);
            Errors = [.. errors.Select(e => e.Message)];
            if (recorded is null) return;
            Current = recorded;
            Fill(recorded);
            Saved = true;
        }
        catch (AuditWriteException)
        {
            Errors = [AuditWriteException.UserMessage];
        }
    }

    /// <summary>
    /// The browser's date-and-time input hands the value over with seconds ("2025-01-08T14:30:00"); the
    /// minutes keep the minute, so that form is accepted here (the API takes exactly "yyyy-MM-ddTHH:mm").
    /// </summary>
    private static string? ToMinute(string? text) =>
        DateTime.TryParseExact(text?.Trim(), ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at.ToString(MeetingRepository.TimeFormat, CultureInfo.InvariantCulture)
            : text;

    private sealed class VoteRow
    {
        public int? For { get; set; }
        public int? Against { get; set; }
        public int? Abstain { get; set; }
        public bool IsFilled => For is not null || Against is not null || Abstain is not null;
    }
}
