#!/usr/bin/env python3
"""Prints every skipped test of the given TRX files with its reason, and every failed test
with its message and the top of its stack trace.

`dotnet test -v q` counts skipped and failed tests but says neither why a test was skipped
(no Docker engine) nor why one failed; CI keeps only the console, so the console must say.
Usage: test-outcomes.py FILE.trx...
"""
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
STACK_LINES = 12


def text(result, path):
    node = result.find(path, NS)
    return (node.text or "") if node is not None else ""


for path in sys.argv[1:]:
    for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", NS):
        outcome, name = result.get("outcome"), result.get("testName")
        if outcome == "NotExecuted":
            reason = " ".join(text(result, "t:Output/t:ErrorInfo/t:Message").split()) or "(no reason given)"
            print(f"skipped: {name}: {reason}")
        elif outcome == "Failed":
            print(f"FAILED: {name}")
            for line in text(result, "t:Output/t:ErrorInfo/t:Message").strip().splitlines():
                print(f"    {line}")
            for line in text(result, "t:Output/t:ErrorInfo/t:StackTrace").strip().splitlines()[:STACK_LINES]:
                print(f"    {line}")
