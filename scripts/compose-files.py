#!/usr/bin/env python3
"""Checks that every host file a compose file mounts or builds from exists, and that no
authority's node or Redis shares a network with another authority's gateway or Redis.

Reads the output of `docker-compose -f FILE config` (paths already resolved to absolute ones)
on stdin and prints one line per path: "ok PATH (who needs it)" or "MISSING PATH (who needs it)", then
"N present, N missing". Exits 1 when a path is missing. Named volumes are not host files and
are skipped. Debian's docker-compose depends on python3-yaml, so this needs nothing more.

Services are named ROLE-AUTHORITY (node-ch, fullnode-ch, redis-ch, gateway-ch). A node's RPC
and a Redis answer anyone who reaches them, so each may share a network only with its own
authority's services and with other authorities' nodes (the p2p network, where nodes meet).
Prints "EXPOSED SERVICE to OTHER on NETWORK" for each breach and exits 1 when there is one.
"""
import os
import sys

import yaml


def required_paths(config):
    """Yields (host path, who needs it) for every bind mount, secret file and build input."""
    for name, service in sorted((config.get("services") or {}).items()):
        for volume in service.get("volumes") or []:
            source = volume.get("source") if isinstance(volume, dict) else volume.split(":", 1)[0]
            if source and os.path.isabs(source):
                yield source, f"service {name}, volume"
        build = service.get("build")
        if build:
            context = build if isinstance(build, str) else build.get("context", ".")
            yield context, f"service {name}, build context"
            if isinstance(build, dict) and build.get("dockerfile"):
                yield os.path.join(context, build["dockerfile"]), f"service {name}, Dockerfile"
    for name, secret in sorted((config.get("secrets") or {}).items()):
        if secret.get("file"):
            yield secret["file"], f"secret {name}"


NODE_ROLES = ("node", "fullnode")
UNGUARDED_ROLES = NODE_ROLES + ("redis",)


def role_and_authority(service):
    """("node", "ch") for "node-ch"; (service, None) for a name not of that shape."""
    role, _, authority = service.rpartition("-")
    return (role, authority) if role else (service, None)


def network_members(config):
    """{network: [service, ...]} from the services' network lists (a list or a mapping)."""
    members = {}
    for name, service in sorted((config.get("services") or {}).items()):
        for network in service.get("networks") or []:
            members.setdefault(network, []).append(name)
    return members


def exposures(config):
    """Yields (unguarded service, other service, network) for each forbidden neighbour."""
    for network, services in sorted(network_members(config).items()):
        for service in services:
            role, authority = role_and_authority(service)
            if role not in UNGUARDED_ROLES:
                continue
            for other in services:
                other_role, other_authority = role_and_authority(other)
                if other == service or other_authority == authority:
                    continue
                # Nodes of different authorities meet on purpose (p2p); nothing else may meet another's node or Redis.
                if role in NODE_ROLES and other_role in NODE_ROLES:
                    continue
                yield service, other, network


def main():
    config = yaml.safe_load(sys.stdin)
    exposed = 0
    for service, other, network in exposures(config):
        exposed += 1
        print(f"EXPOSED {service} to {other} on {network}")
    present = missing = 0
    seen = set()
    for path, who in required_paths(config):
        if (path, who) in seen:
            continue
        seen.add((path, who))
        if os.path.exists(path):
            present += 1
            print(f"ok {path} ({who})")
        else:
            missing += 1
            print(f"MISSING {path} ({who})")
    print(f"{present} present, {missing} missing, {exposed} exposed")
    return 1 if missing or exposed or not seen else 0


if __name__ == "__main__":
    sys.exit(main())
