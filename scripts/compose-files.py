#!/usr/bin/env python3
"""Checks that every host file a compose file mounts or builds from exists.

Reads the output of `docker-compose -f FILE config` (paths already resolved to absolute ones)
on stdin and prints one line per path: "ok PATH (who needs it)" or "MISSING PATH (who needs it)", then
"N present, N missing". Exits 1 when a path is missing. Named volumes are not host files and
are skipped. Debian's docker-compose depends on python3-yaml, so this needs nothing more.
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


def main():
    config = yaml.safe_load(sys.stdin)
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
    print(f"{present} present, {missing} missing")
    return 1 if missing or not seen else 0


if __name__ == "__main__":
    sys.exit(main())
