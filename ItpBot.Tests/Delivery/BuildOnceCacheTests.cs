using ItpBot.Delivery;

namespace ItpBot.Tests.Delivery;

public sealed class BuildOnceCacheTests
{
    [Fact]
    public async Task Concurrent_requests_for_one_key_share_one_build()
    {
        var cache = new BuildOnceCache<string, object>(() => 10);
        var gate = new TaskCompletionSource();
        var builds = 0;

        var requests = Enumerable.Range(0, 8).Select(_ => cache.GetAsync("https://smba.example/", async () =>
        {
            Interlocked.Increment(ref builds);
            await gate.Task;
            return new object();
        })).ToList();
        gate.SetResult();
        var values = await Task.WhenAll(requests);

        Assert.Equal(1, builds);
        Assert.All(values, v => Assert.Same(values[0], v));
        Assert.Equal(1, cache.Built);
    }

    [Fact]
    public async Task A_failed_build_is_forgotten_and_the_next_request_builds_again()
    {
        var cache = new BuildOnceCache<string, string>(() => 10);

        await Assert.ThrowsAsync<HttpRequestException>(() => cache.GetAsync("k", () => throw new HttpRequestException("token endpoint down")));
        var value = await cache.GetAsync("k", () => Task.FromResult("built"));

        Assert.Equal("built", value);
        Assert.Equal(1, cache.Built);
    }

    [Fact]
    public async Task The_cache_never_holds_more_than_its_capacity()
    {
        var cache = new BuildOnceCache<int, object>(() => 2);
        var first = await cache.GetAsync(1, () => Task.FromResult(new object()));
        await cache.GetAsync(2, () => Task.FromResult(new object()));
        await cache.GetAsync(3, () => Task.FromResult(new object()));

        var firstAgain = await cache.GetAsync(1, () => Task.FromResult(new object()));

        Assert.NotSame(first, firstAgain);
        Assert.True(cache.Drain().Count <= 2);
    }
}
