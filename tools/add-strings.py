#!/usr/bin/env python3
"""Adds interface strings to both resource files (English and Spanish) at once, sorted by key.

Usage: tools/add-strings.py strings.json
  strings.json: [{"key": "Sign in", "en": "Sign in", "es": "Iniciar sesión"}, ...]
The key is the English text as written in the code (T["..."]); "en" defaults to the key. Existing keys are
updated. Run it under `flock /tmp/coordination-resx.lock` when several people add strings at once.
"""
import json
import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape, unescape

ROOT = Path(__file__).resolve().parent.parent / "src" / "Coordination.Web" / "Resources"
FILES = {"en": ROOT / "SharedResource.resx", "es": ROOT / "SharedResource.es.resx"}
ENTRY = re.compile(r'<data name="(?P<name>[^"]*)" xml:space="preserve">\s*<value>(?P<value>.*?)</value>\s*</data>', re.S)
ATTR = {'"': "&quot;"}


def merge(path: Path, values: dict) -> None:
    text = path.read_text(encoding="utf-8")
    first = ENTRY.search(text).start()
    header, body = text[:first], text[first:]
    entries = {unescape(m["name"], {"&quot;": '"'}): unescape(m["value"]) for m in ENTRY.finditer(body)}
    entries.update(values)
    lines = [
        f'  <data name="{escape(key, ATTR)}" xml:space="preserve">\n    <value>{escape(entries[key])}</value>\n  </data>\n'
        for key in sorted(entries, key=str.casefold)
    ]
    path.write_text(header.rstrip(" ") + "".join(lines) + "</root>\n", encoding="utf-8")


def main() -> None:
    entries = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    missing = [e["key"] for e in entries if not e.get("es")]
    if missing:
        sys.exit(f"Spanish text missing for: {missing}")
    merge(FILES["en"], {e["key"]: e.get("en") or e["key"] for e in entries})
    merge(FILES["es"], {e["key"]: e["es"] for e in entries})
    print(f"{len(entries)} strings merged into {', '.join(p.name for p in FILES.values())}")


if __name__ == "__main__":
    main()
