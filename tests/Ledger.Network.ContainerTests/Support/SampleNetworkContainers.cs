using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Images;
using DotNet.Testcontainers.Networks;
using Ledger.Network.Besu;

namespace Ledger.Network.ContainerTests.Support;

/// <summary>
/// The sample network of docker-compose.yml, started with Testcontainers from chain-config/:
/// the same images (read from docker-compose.yml), mounts, networks and fixed node addresses
/// (<see cref="NodeAddresses"/>: on p2p validator i at .(10 + i), full nodes dynamic from its upper
/// half; on authority i's own subnet, where the nodes' RPC listens, .10 and .20), with each gateway's port
/// published on a random host port instead of a fixed one, so a run does not collide with a
/// compose network on the same machine.
/// </summary>
public sealed class SampleNetworkContainers : IAsyncLifetime
{
    /// <summary>
    /// The Besu containers' entrypoint, as docker-compose.yml has it (ComposeFileTests holds them equal): the image sets
    /// BESU_RPC_HTTP_HOST=0.0.0.0 and Besu ranks the environment above config.toml, so the listen hosts are unset before
    /// the image's own entry script runs.
    /// </summary>
    public static readonly IReadOnlyList<string> BesuEntrypoint =
        ["bash", "-c", "unset BESU_RPC_HTTP_HOST BESU_RPC_WS_HOST BESU_GRAPHQL_HTTP_HOST BESU_METRICS_HOST && exec besu-entry.sh \"$@\"", "besu-entry.sh"];

    // The gateway image's non-root user (the aspnet images' APP_UID), which must be able to read the document key.
    private const uint GatewayImageUid = 1654;
    private readonly List<INetwork> _networks = [];
    private readonly Dictionary<string, IContainer> _nodes = [];
    private readonly List<IContainer> _fullNodes = [];
    private readonly Dictionary<string, IContainer> _gateways = [];
    private readonly List<IContainer> _redis = [];
    private IFutureDockerImage? _gatewayImage;

    /// <summary>The founding authorities (id, country) and the block period, from chain-config/network.json.</summary>
    public (IReadOnlyList<(string Id, string Country)> Authorities, TimeSpan BlockPeriod) Network { get; private set; }

    /// <summary>Each gateway's published address, https://localhost:PORT, by authority id.</summary>
    public IReadOnlyDictionary<string, Uri> Gateways => _gateways.ToDictionary(g => g.Key, g => new Uri($"https://localhost:{g.Value.GetMappedPublicPort(7443)}"));

    /// <summary>Stops the validator of <paramref name="authorityId"/> (its container, as `docker compose stop node-X`); its gateway goes on through its full node.</summary>
    public Task StopNodeAsync(string authorityId) => _nodes[authorityId].StopAsync();

    /// <summary>Starts it again with its data volume, as `docker compose start node-X`.</summary>
    public Task StartNodeAsync(string authorityId) => _nodes[authorityId].StartAsync();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (DockerFactAttribute.SkipReason is not null)
            return; // every test of the collection is reported skipped; start nothing.
        Network = RepositoryFiles.Network();
        _gatewayImage = new ImageFromDockerfileBuilder()
            .WithContextDirectory(RepositoryFiles.Root)
            .WithDockerfileDirectory(RepositoryFiles.Root)
            .WithDockerfile("src/Ledger.Gateway/Dockerfile")
            .WithName("permit-ledger/gateway:container-tests")
            .Build();
        await _gatewayImage.CreateAsync();

        var p2p = await CreateNetworkAsync("p2p", internalOnly: true, (NodeAddresses.P2pSubnet, NodeAddresses.P2pDynamicRange));
        var edge = await CreateNetworkAsync("gateways", internalOnly: false);
        var authorities = Network.Authorities;
        for (var i = 0; i < authorities.Count; i++)
        {
            var id = authorities[i].Id;
            var own = await CreateNetworkAsync($"authority-{id}", internalOnly: true, (NodeAddresses.AuthoritySubnet(i), NodeAddresses.AuthorityDynamicRange(i)));
            _nodes[id] = Node(id, i, BesuNodeRole.Validator, p2p, own);
            _fullNodes.Add(Node(id, i, BesuNodeRole.FullNode, p2p, own));
            _redis.Add(new ContainerBuilder(RepositoryFiles.RedisImage()).WithCommand("redis-server", "--save", "", "--appendonly", "no")
                .WithNetwork(own).WithNetworkAliases($"redis-{id}").Build());
            _gateways[id] = Gateway(id, i, own, edge);
        }
        await Task.WhenAll(_nodes.Values.Concat(_fullNodes).Concat(_redis).Select(c => c.StartAsync()));
        // A gateway is healthy once its grpc.health answers SERVING over mutual TLS (the image's HEALTHCHECK).
        await Task.WhenAll(_gateways.Values.Select(c => c.StartAsync()));
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var container in _gateways.Values.Concat(_redis).Concat(_fullNodes).Concat(_nodes.Values))
            await container.DisposeAsync();
        foreach (var network in _networks)
            await network.DisposeAsync();
        if (_gatewayImage is not null)
            await _gatewayImage.DisposeAsync();
    }

    // addresses: the subnet and the range of its dynamic addresses, as docker-compose.yml's ipam.
    private async Task<INetwork> CreateNetworkAsync(string name, bool internalOnly, (string Subnet, string IpRange)? addresses = null)
    {
        var network = new NetworkBuilder()
            .WithName($"ledger-{name}-{Guid.NewGuid():N}"[..40])
            .WithCreateParameterModifier(create =>
            {
                create.Internal = internalOnly;
                if (addresses is { } fixedAddresses)
                    create.IPAM = new IPAM { Config = [new IPAMConfig { Subnet = fixedAddresses.Subnet, IPRange = fixedAddresses.IpRange }] };
            })
            .Build();
        await network.CreateAsync();
        _networks.Add(network);
        return network;
    }

    // The validator or its second node of the authority at index: its folder under authorities/<id>/ and the service name's prefix are "node" or "fullnode".
    private static IContainer Node(string id, int index, BesuNodeRole role, INetwork p2p, INetwork own)
    {
        var kind = role == BesuNodeRole.Validator ? "node" : "fullnode";
        var folder = Path.Combine(RepositoryFiles.ChainConfig, "authorities", id, kind);
        return new ContainerBuilder(RepositoryFiles.BesuImage())
            .WithEntrypoint([.. BesuEntrypoint])
            .WithCommand("--config-file=/config/node/config.toml")
            .WithEnvironment("BESU_DATA_PATH", "/var/lib/besu") // as in docker-compose.yml: the entry script makes it the besu user's
            .WithBindMount(Path.Combine(RepositoryFiles.ChainConfig, "genesis.json"), "/config/genesis.json", AccessMode.ReadOnly)
            .WithBindMount(Path.Combine(RepositoryFiles.ChainConfig, "static-nodes.json"), "/config/static-nodes.json", AccessMode.ReadOnly)
            .WithBindMount(Path.Combine(folder, "key"), "/config/node/key", AccessMode.ReadOnly)
            .WithBindMount(Path.Combine(folder, "config.toml"), "/config/node/config.toml", AccessMode.ReadOnly)
            .WithNetwork(p2p).WithNetwork(own)
            .WithNetworkAliases($"{kind}-{id}")
            // Both addresses in one modifier: static-nodes.json names a validator's p2p one (a full node, which nobody
            // dials, takes a dynamic one there), config.toml binds the RPC to the other.
            .WithCreateParameterModifier(create =>
            {
                if (role == BesuNodeRole.Validator)
                    FixAddress(create, p2p.Name, NodeAddresses.ValidatorOnP2p(index));
                FixAddress(create, own.Name, NodeAddresses.OnAuthorityNetwork(index, role));
            })
            .Build();
    }

    private IContainer Gateway(string id, int index, INetwork own, INetwork edge)
    {
        var folder = Path.Combine(RepositoryFiles.ChainConfig, "authorities", id);
        var builder = new ContainerBuilder(_gatewayImage!)
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Production")
            .WithBindMount(Path.Combine(folder, "gateway", "appsettings.json"), "/app/gateway/appsettings.Production.json", AccessMode.ReadOnly)
            .WithBindMount(Path.Combine(folder, "tls", "gateway.crt"), "/config/tls/gateway.crt", AccessMode.ReadOnly)
            .WithBindMount(Path.Combine(folder, "tls", "gateway.key"), "/config/tls/gateway.key", AccessMode.ReadOnly)
            .WithBindMount(Path.Combine(folder, "tls", "ca.crt"), "/config/tls/ca.crt", AccessMode.ReadOnly)
            // docker-compose.yml passes this file as the secret keystore-password; a bind mount is what compose does with a file secret.
            .WithBindMount(Path.Combine(folder, "keystores", "password.txt"), "/run/secrets/keystore-password", AccessMode.ReadOnly)
            // The generator writes documents.key 0600 for the host user, and a bind mount keeps that owner, whom the image's user is not
            // (the README's `chown 1654`): copy it in instead, owned by the image's user and readable by it alone.
            .WithResourceMapping(File.ReadAllBytes(Path.Combine(folder, "gateway", "documents.key")), "/run/secrets/document-key",
                GatewayImageUid, GatewayImageUid, UnixFileModes.UserRead)
            .WithNetwork(own).WithNetwork(edge)
            .WithNetworkAliases($"gateway-{id}")
            // Its metrics listener binds this address (Observability:MetricsListenAddress): without it the gateway cannot start.
            .WithCreateParameterModifier(create => FixAddress(create, own.Name, NodeAddresses.GatewayOnAuthorityNetwork(index)))
            .WithPortBinding(7443, assignRandomHostPort: true)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilContainerIsHealthy());
        foreach (var keystore in Directory.EnumerateFiles(Path.Combine(folder, "keystores"), "*.json"))
            builder = builder.WithBindMount(keystore, "/config/keystores/" + Path.GetFileName(keystore), AccessMode.ReadOnly);
        return builder.Build();
    }

    // Gives the container a fixed address on one of its networks.
    private static void FixAddress(CreateContainerParameters create, string network, string address)
    {
        create.NetworkingConfig ??= new NetworkingConfig { EndpointsConfig = new Dictionary<string, EndpointSettings>() };
        create.NetworkingConfig.EndpointsConfig ??= new Dictionary<string, EndpointSettings>();
        if (!create.NetworkingConfig.EndpointsConfig.TryGetValue(network, out var endpoint))
            create.NetworkingConfig.EndpointsConfig[network] = endpoint = new EndpointSettings();
        endpoint.IPAMConfig = new EndpointIPAMConfig { IPv4Address = address };
    }
}

/// <summary>The container tests share one network.</summary>
[CollectionDefinition(Name)]
public sealed class SampleNetworkCollection : ICollectionFixture<SampleNetworkContainers>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Sample network in containers";
}
