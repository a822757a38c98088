using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Ledger.Api.V1;
using Ledger.Contracts.Ethereum;
using Ledger.Core.Documents;
using Ledger.Core.Errors;
using Ledger.Core.Permits;
using Ledger.Core.Primitives;
using Ledger.Gateway.Application;
using Ledger.Gateway.Stores;
using Ledger.Gateway.Stores.Documents;

namespace Ledger.Gateway.Tests.Application;

/// <summary>
/// A batch's documents are put a wave at a time before its transaction is broadcast: never more
/// than <see cref="PermitDocumentKeeper.MaxPutsAtOnce"/> at once, but a whole wave together (its
/// puts share the store's group commits), and a failed put stops the batch after its wave. The
/// store holds every put until the test lets the wave go, so what has started is counted, not timed.
/// </summary>
public sealed class PermitDocumentKeeperTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 11, 8, 0, 0, TimeSpan.Zero);

    /// <summary>How long a wave may take to start: far more than it needs; only puts sent fewer at a time wait it out.</summary>
    private static readonly TimeSpan WaveTimeout = TimeSpan.FromSeconds(10);

    private readonly HoldingStore _store = new();

    [Fact]
    public async Task A_full_batch_is_put_a_whole_wave_at_a_time_and_never_more()
    {
        var permits = Permits(RegisterPermitBatchHandler.MaxBatch);

        // The keeper starts a wave's puts together on the calling thread, then waits for them: its
        // task comes back only once it waits, so every put it started at once has started by then.
        var keeping = KeepBeforeBroadcastAsync(permits);
        var started = 0;
        foreach (var wave in permits.Chunk(PermitDocumentKeeper.MaxPutsAtOnce))
        {
            started += wave.Length;
            await ReleaseWaveAsync(started, inFlight: wave.Length);
        }
        await keeping;

        Assert.Equal(PermitDocumentKeeper.MaxPutsAtOnce, _store.PeakInFlight);
        Assert.Equal(permits.Count, _store.Stored.Count);
        Assert.Equal(permits.Select(p => p.Registration.Id.Key).ToHashSet(), _store.Stored.ToHashSet());
        Assert.All(_store.Documents, d => Assert.False(d.AsDraft));
    }

    [Fact]
    public async Task A_failed_put_fails_the_batch_with_the_first_failure_in_order_after_its_wave_and_starts_no_later_wave()
    {
        var permits = Permits(PermitDocumentKeeper.MaxPutsAtOnce + 8);
        _store.Unavailable.Add(permits[9].Registration.Id.Key);
        _store.Conflicting.Add(permits[3].Registration.Id.Key);

        var keeping = KeepBeforeBroadcastAsync(permits);
        // The unavailable put fails at once; the rest of the wave waits, the conflict among them.
        await ReleaseWaveAsync(PermitDocumentKeeper.MaxPutsAtOnce, inFlight: PermitDocumentKeeper.MaxPutsAtOnce - 1);
        var refused = await Assert.ThrowsAsync<LedgerException>(() => keeping);

        Assert.Equal(LedgerErrorKind.AlreadyExists, refused.Error.Kind);
        Assert.Contains(permits[3].Registration.Id.Normalised, refused.Message, StringComparison.Ordinal);
        // The rest of the first wave is stored (a retry puts the same bytes again); the second wave was never tried.
        Assert.Equal(PermitDocumentKeeper.MaxPutsAtOnce, _store.Started);
        Assert.Equal(PermitDocumentKeeper.MaxPutsAtOnce - 2, _store.Stored.Count);
    }

    /// <summary>
    /// Waits until <paramref name="started"/> puts have started in all, checks that no more have
    /// (none can start on its own while the wave is held) and how many are in flight, and lets
    /// those finish.
    /// </summary>
    private async Task ReleaseWaveAsync(int started, int inFlight)
    {
        try
        {
            await _store.WhenStarted(started).WaitAsync(WaveTimeout);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"a wave's puts did not start together: {_store.Started} of {started} started, {_store.InFlight} in flight and held, none more in {WaveTimeout.TotalSeconds} s");
        }
        Assert.Equal(started, _store.Started);
        Assert.Equal(inFlight, _store.InFlight);
        _store.Release();
    }

    private Task KeepBeforeBroadcastAsync(IReadOnlyList<CheckedPermit> permits)
    {
        // Keeping before a broadcast does not read the ledger (the gas estimate checked the anchors).
        var keeper = new PermitDocumentKeeper(chain: null!, _store);
        return keeper.KeepingBeforeBroadcast(new BroadcastingSender(), permits).SendAsync(new TransactionRequest(null, Array.Empty<byte>()));
    }

    private static List<CheckedPermit> Permits(int count)
    {
        var drafts = Enumerable.Range(1, count).Select(i => ((PermitDraft?)new PermitDraft
        {
            PermitId = $"CH/2026/{i:D6}",
            Type = Ledger.Api.V1.PermitType.CitesExport,
            Document = ByteString.CopyFrom(RandomNumberGenerator.GetBytes(64)),
            ValidFrom = Timestamp.FromDateTimeOffset(Now.AddHours(-1)),
            ValidUntil = Timestamp.FromDateTimeOffset(Now.AddDays(30)),
            DestinationCountry = "FR",
            MaxShipments = 1,
            Lines = { new Ledger.Api.V1.QuantityLine { Amount = "10" } },
        }, $"permits[{i - 1}]")).ToList();
        return [.. PermitDraftChecks.Validate(drafts, Now)];
    }

    /// <summary>Runs the request's before-broadcast step, as the real sender does once the gas estimate passed.</summary>
    private sealed class BroadcastingSender : ITransactionSender
    {
        public Address From => Address.Parse("0x00000000000000000000000000000000000000a1");

        public async Task<TransactionOutcome> SendAsync(TransactionRequest request, CancellationToken ct = default)
        {
            await request.BeforeBroadcast!(ct);
            return null!;
        }
    }

    /// <summary>
    /// A document store that records its puts and holds each one until <see cref="Release"/>, so
    /// that none finishes, and the keeper cannot start another wave, while the test counts. It
    /// fails the permits it is told to: unavailable at once, a conflict once released.
    /// </summary>
    private sealed class HoldingStore : IDocumentStore
    {
        private readonly Lock _lock = new();
        private readonly List<DocumentToStore> _documents = [];
        private TaskCompletionSource _release = NewSignal();
        private (int Started, TaskCompletionSource Reached)? _waiter;
        private int _started;
        private int _inFlight;
        private int _peakInFlight;

        public HashSet<PermitKey> Unavailable { get; } = [];

        public HashSet<PermitKey> Conflicting { get; } = [];

        /// <summary>Puts started, failed ones included.</summary>
        public int Started => Read(ref _started);

        /// <summary>Puts started and held, not yet finished.</summary>
        public int InFlight => Read(ref _inFlight);

        public int PeakInFlight => Read(ref _peakInFlight);

        public IReadOnlyList<DocumentToStore> Documents
        {
            get
            {
                lock (_lock)
                    return [.. _documents];
            }
        }

        public IReadOnlyList<PermitKey> Stored => [.. Documents.Select(d => d.PermitId.Key)];

        /// <summary>Completes once <paramref name="started"/> puts have started in all.</summary>
        public Task WhenStarted(int started)
        {
            lock (_lock)
            {
                if (_started >= started)
                    return Task.CompletedTask;
                var reached = NewSignal();
                _waiter = (started, reached);
                return reached.Task;
            }
        }

        /// <summary>Lets the puts held so far finish; later puts are held until the next release.</summary>
        public void Release()
        {
            TaskCompletionSource released;
            lock (_lock)
                (released, _release) = (_release, NewSignal());
            released.SetResult();
        }

        public async Task<DocumentPutResult> PutAsync(DocumentToStore document, CancellationToken cancellationToken = default)
        {
            var key = document.PermitId.Key;
            Task released;
            lock (_lock)
            {
                _started++;
                if (_waiter is { } waiter && _started >= waiter.Started)
                {
                    waiter.Reached.SetResult();
                    _waiter = null;
                }
                // At once: a later permit's failure comes first in time, not in the batch's order.
                if (Unavailable.Contains(key))
                    throw new StoreUnavailableException("the test store is away", new IOException());
                _peakInFlight = Math.Max(_peakInFlight, ++_inFlight);
                released = _release.Task;
            }
            try
            {
                await released.WaitAsync(cancellationToken).ConfigureAwait(false);
                if (Conflicting.Contains(key))
                    throw new DocumentConflictException(key, DocumentHash.Compute([1]), DocumentHash.Compute(document.Content.Span));
                lock (_lock)
                    _documents.Add(document);
                return default!;
            }
            finally
            {
                lock (_lock)
                    _inFlight--;
            }
        }

        public Task<IReadOnlyList<DocumentMetadata>> ListByPermitsAsync(IReadOnlyCollection<PermitKey> permitKeys, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<DocumentMetadata>>([]);

        public Task<DocumentMetadata?> FindByPermitAsync(PermitKey permitKey, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<StoredDocument?> GetAsync(PermitKey permitKey, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<StoredDocument?> GetByHashAsync(DocumentHash documentHash, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<DocumentListPage> ListNewestAsync(DocumentListQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        // Continuations run elsewhere, so that a put's caller (the keeper starting its wave) goes on first.
        private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

        private int Read(ref int field)
        {
            lock (_lock)
                return field;
        }
    }
}
