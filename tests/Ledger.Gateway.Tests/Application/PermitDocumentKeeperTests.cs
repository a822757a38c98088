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
/// puts share the store's group commits), and a failed put stops the batch after its wave.
/// </summary>
public sealed class PermitDocumentKeeperTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 11, 8, 0, 0, TimeSpan.Zero);

    private readonly RecordingStore _store = new();

    [Fact]
    public async Task A_full_batch_is_put_a_whole_wave_at_a_time_and_never_more()
    {
        var permits = Permits(RegisterPermitBatchHandler.MaxBatch);

        await KeepBeforeBroadcastAsync(permits);

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

        var refused = await Assert.ThrowsAsync<LedgerException>(() => KeepBeforeBroadcastAsync(permits));

        Assert.Equal(LedgerErrorKind.AlreadyExists, refused.Error.Kind);
        Assert.Contains(permits[3].Registration.Id.Normalised, refused.Message, StringComparison.Ordinal);
        // The rest of the first wave is stored (a retry puts the same bytes again); the second wave was never tried.
        Assert.Equal(PermitDocumentKeeper.MaxPutsAtOnce, _store.Attempts);
        Assert.Equal(PermitDocumentKeeper.MaxPutsAtOnce - 2, _store.Stored.Count);
    }

    private async Task KeepBeforeBroadcastAsync(IReadOnlyList<CheckedPermit> permits)
    {
        // Keeping before a broadcast does not read the ledger (the gas estimate checked the anchors).
        _store.ExpectedPuts = permits.Count;
        var keeper = new PermitDocumentKeeper(chain: null!, _store);
        await keeper.KeepingBeforeBroadcast(new BroadcastingSender(), permits).SendAsync(new TransactionRequest(null, Array.Empty<byte>()));
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
    /// A document store that records its puts, how many were in flight at most, and fails the
    /// permits it is told to. Its puts are held until a wave has started: until
    /// <see cref="PermitDocumentKeeper.MaxPutsAtOnce"/> puts (or all those left) have arrived since
    /// the last wave was let go. So a wave's puts overlap however slowly its starting thread runs,
    /// and puts sent fewer at a time fail with a timeout instead of passing or hanging.
    /// </summary>
    private sealed class RecordingStore : IDocumentStore
    {
        private static readonly TimeSpan WaveTimeout = TimeSpan.FromSeconds(10);

        private readonly Lock _lock = new();
        private readonly List<DocumentToStore> _documents = [];
        private TaskCompletionSource _waveStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrivedInWave;
        private int _arrivedBeforeWave;
        private int _inFlight;
        private int _attempts;

        public HashSet<PermitKey> Unavailable { get; } = [];

        public HashSet<PermitKey> Conflicting { get; } = [];

        /// <summary>How many puts the batch would make if none failed (the last wave may be short).</summary>
        public int ExpectedPuts { get; set; }

        public int PeakInFlight { get; private set; }

        public int Attempts => Volatile.Read(ref _attempts);

        public IReadOnlyList<DocumentToStore> Documents
        {
            get
            {
                lock (_lock)
                    return [.. _documents];
            }
        }

        public IReadOnlyList<PermitKey> Stored => [.. Documents.Select(d => d.PermitId.Key)];

        public async Task<DocumentPutResult> PutAsync(DocumentToStore document, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _attempts);
            var key = document.PermitId.Key;
            var waveStarted = Arrive();
            // At once: a later permit's failure comes first in time, not in the batch's order.
            if (Unavailable.Contains(key))
                throw new StoreUnavailableException("the test store is away", new IOException());
            lock (_lock)
                PeakInFlight = Math.Max(PeakInFlight, ++_inFlight);
            try
            {
                try
                {
                    await waveStarted.WaitAsync(WaveTimeout, cancellationToken);
                }
                catch (TimeoutException)
                {
                    throw new TimeoutException(
                        $"a wave's puts did not start together: at most {PeakInFlight} in flight, and no more came in {WaveTimeout.TotalSeconds} s");
                }
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

        /// <summary>Counts a put into the current wave; lets the wave go once it is whole (on other threads, so the put's caller goes on first).</summary>
        private Task Arrive()
        {
            lock (_lock)
            {
                var waveStarted = _waveStarted;
                if (++_arrivedInWave == Math.Min(PermitDocumentKeeper.MaxPutsAtOnce, ExpectedPuts - _arrivedBeforeWave))
                {
                    _arrivedBeforeWave += _arrivedInWave;
                    _arrivedInWave = 0;
                    _waveStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
                    waveStarted.SetResult();
                }
                return waveStarted.Task;
            }
        }

        public Task<IReadOnlyList<DocumentMetadata>> ListByPermitsAsync(IReadOnlyCollection<PermitKey> permitKeys, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<DocumentMetadata>>([]);

        public Task<DocumentMetadata?> FindByPermitAsync(PermitKey permitKey, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<StoredDocument?> GetAsync(PermitKey permitKey, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<StoredDocument?> GetByHashAsync(DocumentHash documentHash, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<DocumentListPage> ListNewestAsync(DocumentListQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
