using ThiDua.Scoring.Rules;
using ThiDua.Scoring.Text;

namespace ThiDua.Dashboard.Campaigns.Files;

/// <summary>
/// What must hold of a campaign's unit list whatever it came from (the campaign file or a CSV/XLSX unit
/// list), so both say the same thing. A finding names the unit's index and the field at fault; the
/// caller turns them into its own place (a JSON path, a spreadsheet row and column).
/// </summary>
internal static class UnitChecks
{
    /// <param name="report">(isError, index of the unit, field name as in the file, code, message).</param>
    /// <param name="describe">How the caller names the unit at an index, e.g. "đơn vị thứ 3" or "dòng 4".</param>
    public static void Check(IReadOnlyList<CampaignUnit> units, CampaignRules rules,
        Func<int, string> describe, Action<bool, int, string, string, string> report)
    {
        var blocks = rules.Blocks.Select(b => b.Code).ToHashSet(StringComparer.Ordinal);
        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            var name = unit.Code.Length > 0 ? $"Đơn vị “{Echo.Input(unit.Code)}”" : "Đơn vị";
            if (unit.Code.Length == 0)
                report(true, i, "code", "unit-code-missing", "Đơn vị chưa có mã.");
            else if (!CodeFormat.IsValid(unit.Code))
                report(true, i, "code", "unit-code-format", $"Mã đơn vị “{Echo.Input(unit.Code)}” không hợp lệ: mã {CodeFormat.Rule}.");
            else if (!firstIndex.TryAdd(unit.Code, i))
                report(true, i, "code", "unit-code-duplicate", $"Mã đơn vị “{unit.Code}” bị trùng với {describe(firstIndex[unit.Code])}.");

            if (unit.Name.Length == 0)
                report(true, i, "name", "unit-name-missing", $"{name} chưa có tên.");
            if (unit.Block.Length == 0)
                report(true, i, "block", "unit-block-missing", $"{name} chưa ghi khối.");
            else if (!blocks.Contains(unit.Block))
                report(true, i, "block", "unit-block-unknown",
                    $"{name} thuộc khối “{Echo.Input(unit.Block)}” không có trong danh sách khối của đợt thi đua ({string.Join(", ", blocks)}).");
            if (unit.ActiveFrom is { } from && unit.ActiveTo is { } to && from > to)
                report(true, i, "activeTo", "unit-dates-out-of-order",
                    $"{name}: ngày hết hiệu lực ({Vi.Date(to)}) đứng trước ngày bắt đầu hiệu lực ({Vi.Date(from)}).");
            else if (rules.PeriodStart != default && rules.PeriodEnd != default
                     && ((unit.ActiveTo is { } end && end < rules.PeriodStart) || (unit.ActiveFrom is { } start && start > rules.PeriodEnd)))
                report(false, i, unit.ActiveTo < rules.PeriodStart ? "activeTo" : "activeFrom", "unit-outside-period",
                    $"{name} không có ngày hiệu lực nào trong đợt thi đua ({Vi.Date(rules.PeriodStart)} – {Vi.Date(rules.PeriodEnd)}) nên không được xếp hạng.");

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var predecessor in unit.Predecessors)
            {
                if (predecessor.Length == 0)
                    report(true, i, "predecessors", "unit-predecessor-missing", $"{name} có một mã đơn vị tiền thân để trống.");
                else if (predecessor == unit.Code)
                    report(true, i, "predecessors", "unit-predecessor-self", $"{name} không thể là tiền thân của chính nó.");
                else if (!seen.Add(predecessor))
                    report(true, i, "predecessors", "unit-predecessor-duplicate", $"{name} ghi đơn vị tiền thân “{Echo.Input(predecessor)}” hai lần.");
            }
        }
        CheckCycles(units, firstIndex, report);

        if (units.Count == 0) return;
        foreach (var block in rules.Blocks.Where(b => b.Code.Length > 0 && !units.Any(u => u.Block == b.Code)))
            report(false, -1, "", "block-without-units", $"Khối “{block.Name}” ({block.Code}) chưa có đơn vị nào.");
    }

    /// <summary>A lineage that leads back to its start (A ← B ← A) cannot be shown or compared; reported once, at its first unit.</summary>
    private static void CheckCycles(IReadOnlyList<CampaignUnit> units, Dictionary<string, int> index,
        Action<bool, int, string, string, string> report)
    {
        // 0 unvisited, 1 on the current path, 2 done.
        var state = new int[units.Count];
        var path = new List<int>();
        bool Visit(int i)
        {
            state[i] = 1;
            path.Add(i);
            foreach (var predecessor in units[i].Predecessors.Distinct(StringComparer.Ordinal))
            {
                if (predecessor == units[i].Code || !index.TryGetValue(predecessor, out var p)) continue;
                if (state[p] == 1)
                {
                    var cycle = path.Skip(path.IndexOf(p)).Select(c => units[c].Code).Append(units[p].Code);
                    report(true, p, "predecessors", "unit-predecessor-cycle",
                        $"Dòng dõi của đơn vị “{units[p].Code}” quay vòng về chính nó ({string.Join(" ← ", cycle)}).");
                    return true;
                }
                if (state[p] == 0 && Visit(p)) return true;
            }
            path.RemoveAt(path.Count - 1);
            state[i] = 2;
            return false;
        }
        for (var i = 0; i < units.Count; i++)
        {
            if (state[i] != 0) continue;
            path.Clear();
            if (Visit(i)) return;
        }
    }
}
