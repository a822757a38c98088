using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;
using Ledger.Api.V1;
using Ledger.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Ledger.Gateway.Follower;

/// <summary>
/// Fans the follower's events out to WatchPermits subscribers, each event only to those whose
/// <see cref="WatchFilter"/> it concerns, and tells the follower which kinds anyone can want at
/// all (none while nobody watches, so the follower builds no entries). Each subscriber has a bounded
/// queue; one that falls too far behind is ended (it may reconnect with from_block) rather
/// than slowing the follower or everyone else. It is ended with RESOURCE_EXHAUSTED, saying
/// how to resume.
/// </summary>
internal sealed class PermitWatchHub(IOptions<LimitsOptions> limits) : IPermitEventObserver
{
    /// <summary>Items a subscriber may have waiting before it is ended (<see cref="LimitsOptions.WatchBufferItems"/>).</summary>
    public int QueueCapacity { get; } = limits.Value.WatchBufferItems;

    private readonly ConcurrentDictionary<Guid, (WatchFilter Filter, Channel<WatchPermitsResponse> Channel)> _subscribers = new();

    /// <summary>Subscribes to the events <paramref name="filter"/> wants, and every checkpoint; dispose the subscription to leave.</summary>
    public Subscription Subscribe(WatchFilter filter)
    {
        var channel = Channel.CreateBounded<WatchPermitsResponse>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true });
        var id = Guid.NewGuid();
        _subscribers[id] = (filter, channel);
        return new Subscription(channel.Reader, () => _subscribers.TryRemove(id, out _));
    }

    /// <inheritdoc />
    /// <remarks>Enumerates the dictionary itself: <c>Values</c> would take every lock and copy.</remarks>
    public bool MayWant(PermitEventKind kind) => _subscribers.Any(s => s.Value.Filter.MayWant(kind));

    /// <inheritdoc />
    public ValueTask OnPermitEventAsync(PermitEvent permitEvent, CancellationToken cancellationToken)
    {
        Publish(new WatchPermitsResponse { Event = permitEvent }, filter => filter.Wants(permitEvent));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask OnCheckpointAsync(ulong blockNumber, CancellationToken cancellationToken)
    {
        Publish(new WatchPermitsResponse { CheckpointBlock = blockNumber }, _ => true);
        return ValueTask.CompletedTask;
    }

    private void Publish(WatchPermitsResponse item, Func<WatchFilter, bool> wanted)
    {
        foreach (var (id, (filter, channel)) in _subscribers)
        {
            if (!wanted(filter))
                continue;
            if (!channel.Writer.TryWrite(item))
            {
                channel.Writer.TryComplete(new RpcException(new Status(StatusCode.ResourceExhausted,
                    $"This watch fell {QueueCapacity} items behind and was ended; read faster, or reconnect with " +
                    "from_block set to the last checkpoint_block received.")));
                _subscribers.TryRemove(id, out _);
            }
        }
    }

    /// <summary>One subscriber's queue.</summary>
    /// <param name="Reader">The items, in chain order.</param>
    /// <param name="Leave">Unsubscribes.</param>
    internal sealed record Subscription(ChannelReader<WatchPermitsResponse> Reader, Action Leave) : IDisposable
    {
        /// <inheritdoc />
        public void Dispose() => Leave();
    }
}
