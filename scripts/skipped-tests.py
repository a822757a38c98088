#!/usr/bin/env python3
"""Prints every skipped test of the given TRX files with its reason, one line each.

`dotnet test -v q` counts skipped tests but does not say why; a test skipped here (no Docker
engine, no redis-server) must say so in the test script's output.
Usage: skipped-tests.py FILE.trx...
"""
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}

for path in sys.argv[1:]:
    for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", NS):
        if result.get("outcome") != "NotExecuted":
            continue
        message = result.find("t:Output/t:ErrorInfo/t:Message", NS)
        reason = " ".join((message.text or "").split()) if message is not None else "(no reason given)"
        print(f"skipped: {result.get('testName')}: {reason}")
