#!/usr/bin/env python3
"""Prints the test classes that took longest, from TRX files, so a run's time stays in view.

scripts/slowest-tests.py N FILE.trx...   Durations are summed per class; classes run in
parallel, so the sum can be more than the wall time it took.
"""
import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"


def seconds(duration):
    h, m, s = duration.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def main():
    top = int(sys.argv[1])
    per_class = {}
    for path in sys.argv[2:]:
        for result in ET.parse(path).getroot().iter(NS + "UnitTestResult"):
            name = re.sub(r"\(.*", "", result.get("testName", ""))
            cls = name.rsplit(".", 1)[0]
            total, count = per_class.get(cls, (0.0, 0))
            per_class[cls] = (total + seconds(result.get("duration", "0:0:0")), count + 1)
    print(f"Slowest test classes (seconds summed over their tests):")
    for cls, (total, count) in sorted(per_class.items(), key=lambda kv: -kv[1][0])[:top]:
        print(f"{total:8.1f} s  {count:4d} tests  {cls}")


if __name__ == "__main__":
    main()
