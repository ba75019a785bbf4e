"""NFC conformance of vanban's normalisation against the Unicode normalization test file.

For every test case (source; NFC; NFD; NFKC; NFKD), `vanban parse --format text` of the
source and of the NFD column must give the NFC column (c2 == toNFC(c1) == toNFC(c3)), except for
characters vanban maps on purpose (line breaks, odd spaces, zero-width characters, NUL; and
"ǎ"/"Ǎ", which it reads as "ă"/"Ă": text recognition's caron for the breve).
Cases are fed a chunk of lines at a time; a chunk the tool refuses as a whole (a line of
legacy-looking Latin-1 letters) is fed line by line.

usage: check_nfc.py VANBAN NormalizationTest.txt[.bz2]
"""
import bz2
import subprocess
import sys

vanban, path = sys.argv[1], sys.argv[2]
opener = bz2.open if path.endswith(".bz2") else open
MAPPED = set("\r\x0b\x0c\x00\x85\u2028\u2029\xa0\u202f\u205f\u2060\u3000\ufeff\xad") | {
    chr(c) for c in range(0x2000, 0x200E)
}

cases = []
with opener(path, "rt", encoding="utf-8") as f:
    for line in f:
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("@"):
            continue
        cols = [
            "".join(chr(int(h, 16)) for h in col.split())
            for col in line.split(";")[:3]
        ]
        if any(ch in MAPPED for ch in "".join(cols)):
            continue
        cases.append(cols)


def nfc(lines):
    """vanban's normalisation of some lines, one result per line (None: refused)."""
    out = subprocess.run(
        [vanban, "parse", "-", "--format", "text", "-q"],
        input="\n".join(lines).encode() + b"\n",
        capture_output=True,
    )
    if out.returncode != 0:
        return None
    got = out.stdout.decode().split("\n")
    return got[: len(lines)] if len(got) == len(lines) + 1 else None


failures, checked, refused = 0, 0, 0
CHUNK = 400
BREVE = str.maketrans({"\u01ce": "\u0103", "\u01cd": "\u0102"})
inputs = [
    (src, want.translate(BREVE)) for c1, c2, c3 in cases for src, want in ((c1, c2), (c3, c2))
]
for i in range(0, len(inputs), CHUNK):
    chunk = inputs[i : i + CHUNK]
    got = nfc([src for src, _ in chunk])
    results = []
    if got is None:
        for src, _ in chunk:
            one = nfc([src])
            results.append(one[0] if one else None)
    else:
        results = got
    for (src, want), g in zip(chunk, results):
        if g is None:
            refused += 1
            continue
        checked += 1
        if g != want:
            failures += 1
            if failures <= 10:
                print("mismatch:", [hex(ord(c)) for c in src], "->", [hex(ord(c)) for c in g],
                      "want", [hex(ord(c)) for c in want])
print(f"NFC conformance: {checked} cases checked, {failures} mismatches, {refused} refused as input")
sys.exit(1 if failures or checked < 30000 else 0)
