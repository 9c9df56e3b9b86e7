using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Text;
using ThiDua.Scoring.Units;

namespace ThiDua.Dashboard.Components.Controls;

/// <summary>
/// Picks one unit out of many, searchable without accents and grouped by block, then district.
/// A plain select chose whatever its type-ahead landed on ("cai khe" picked "Huyện Cờ Đỏ"): here
/// typing only narrows the list and moves nothing; the value changes on a click, or on Enter after
/// the arrow keys highlighted a row.
/// </summary>
public sealed partial class UnitPicker
{
    private readonly string _inputId = "unit-picker-" + Guid.NewGuid().ToString("N")[..8];
    private string ListId => _inputId + "-list";

    /// <summary>The units that may be chosen (already limited to the person's scope).</summary>
    [Parameter, EditorRequired] public IReadOnlyList<UnitInfo> Units { get; set; } = [];

    /// <summary>The campaign's blocks: their names head the groups, in the plan's order.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<BlockRules> Blocks { get; set; } = [];

    [Parameter] public string? Value { get; set; }
    [Parameter] public EventCallback<string?> ValueChanged { get; set; }
    [Parameter] public string Label { get; set; } = "Đơn vị";
    [Parameter] public string Placeholder { get; set; } = "Gõ tên đơn vị, không cần dấu";

    private bool Open { get; set; }
    private string Query { get; set; } = "";
    private string? HighlightedCode { get; set; }

    private UnitInfo? Selected => Value is null ? null : Units.FirstOrDefault(u => u.Code == Value);

    private List<UnitInfo> Matches => [.. Groups.SelectMany(g => g.Districts).SelectMany(d => d.Units)];

    private sealed record DistrictGroup(string? Heading, IReadOnlyList<UnitInfo> Units);

    private sealed record BlockGroup(string Block, IReadOnlyList<DistrictGroup> Districts);

    /// <summary>The matching units by block (plan order), then by district; a block whose districts hold one unit each gets no district headings.</summary>
    private IReadOnlyList<BlockGroup> Groups
    {
        get
        {
            var matching = Units.Where(u => ViSearch.Matches(u.Name, Query) || (u.District is { } d && ViSearch.Matches(d, Query))).ToList();
            var blockOrder = Blocks.Select((b, i) => (b.Code, i)).ToDictionary(x => x.Code, x => x.i);
            var groups = new List<BlockGroup>();
            foreach (var block in matching.GroupBy(u => u.Block).OrderBy(g => blockOrder.GetValueOrDefault(g.Key, int.MaxValue)))
            {
                var name = Blocks.FirstOrDefault(b => b.Code == block.Key)?.Name ?? block.Key;
                var byDistrict = block.GroupBy(u => u.District).ToList();
                var headed = byDistrict.Any(d => d.Key is not null && d.Count() > 1);
                var districts = headed
                    ? byDistrict.OrderBy(d => d.Key ?? "", Vi.Collation)
                        .Select(d => new DistrictGroup(d.Key, [.. d.OrderBy(u => u.Name, Vi.Collation)]))
                        .ToList()
                    : [new DistrictGroup(null, [.. block.OrderBy(u => u.Name, Vi.Collation)])];
                groups.Add(new BlockGroup(name, districts));
            }
            return groups;
        }
    }

    private static string OptionId(string code) => "unit-option-" + code;

    private string OptionClass(UnitInfo unit) =>
        "thidua-unit-picker-option" + (unit.Code == HighlightedCode ? " highlighted" : "") + (unit.Code == Value ? " chosen" : "");

    private void OpenList()
    {
        if (Open) return;
        Open = true;
        Query = "";
        HighlightedCode = null;
    }

    /// <summary>
    /// The box's text: the query while the list is open, else the chosen unit's name. Bound rather than
    /// set from an input handler, so a render answering an earlier keystroke never overwrites what the
    /// person has typed since (letters were lost that way on a busy server).
    /// </summary>
    private string InputText
    {
        get => Open ? Query : Selected?.Name ?? "";
        set
        {
            Open = true;
            Query = value ?? "";
        }
    }

    /// <summary>A new query clears the highlight: Enter right after typing must not choose a row the person never looked at.</summary>
    private void ClearHighlight() => HighlightedCode = null;

    private async Task OnKeyDown(KeyboardEventArgs e)
    {
        switch (e.Key)
        {
            case "ArrowDown": Move(+1); break;
            case "ArrowUp": Move(-1); break;
            case "Escape": Close(); break;
            case "Enter" when HighlightedCode is { } code && Units.FirstOrDefault(u => u.Code == code) is { } unit:
                await ChooseAsync(unit);
                break;
        }
    }

    private void Move(int step)
    {
        Open = true;
        var list = Matches;
        if (list.Count == 0) return;
        var at = list.FindIndex(u => u.Code == HighlightedCode);
        at = at < 0 ? (step > 0 ? 0 : list.Count - 1) : Math.Clamp(at + step, 0, list.Count - 1);
        HighlightedCode = list[at].Code;
    }

    private void Close()
    {
        Open = false;
        Query = "";
        HighlightedCode = null;
    }

    private async Task ChooseAsync(UnitInfo unit)
    {
        Close();
        if (unit.Code == Value) return;
        Value = unit.Code;
        await ValueChanged.InvokeAsync(unit.Code);
    }
}
