namespace ThiDua.Dashboard.Awards;

public static class AwardsRegistration
{
    public static IServiceCollection AddAwards(this IServiceCollection services) => services.AddSingleton<AwardBook>();
}
