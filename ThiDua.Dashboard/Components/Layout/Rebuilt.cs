using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace ThiDua.Dashboard.Components.Layout;

/// <summary>Renders its content and nothing else (no element); with a new <c>@key</c> the components under it are built again.</summary>
public sealed class Rebuilt : ComponentBase
{
    [Parameter] public RenderFragment? ChildContent { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, ChildContent);
}
