"""Rebuild every shipped model from ``../shared/data`` and compare it with the file in the package.

    python eval/reproduce.py [--data ../shared/data] [--only attribution clickbait ...] [--keep DIR]

Each model card says its file comes from one command with a fixed seed.  That stays true only while
nothing the training reads has changed: the attribution model's features read the quotation-mark
pass, the credibility model reads every signal, so a change there silently leaves the shipped file
behind its command.  This script runs each documented command into a temporary folder and prints,
per file, PASS when the rebuilt bytes equal the shipped ones and FAIL (with both sha256) when they
do not: retrain and commit the file, or find what made the run differ.  A file that records the day
it was trained is rebuilt as of that day (``SOURCE_DATE_EPOCH``), so the date alone never differs.

A trained JSON file also records the library versions and BLAS kernels that built it
(``newsift.provenance``).  Where only that record differs, the learned content is the same and the
line says PASS, naming what changed; a FAIL names it too, since a new parser, solver or CPU kernel
can move the weights, and says how many numbers moved and by how much at most.  OpenBLAS picks its
kernel from the CPU, so each rebuild runs with the kernel its shipped file records
(``OPENBLAS_CORETYPE``, where this CPU has the instructions that kernel needs and the variable is not
set already): in stop 62 the attribution command on a CPU where OpenBLAS chose SkylakeX wrote weights
that differ from the shipped Haswell-built file (dev overlap F1 over all attributions 0.735 against
0.736), and forced to Haswell it rebuilt the shipped bytes.  numpy's SIMD loops are chosen from the
CPU too; a file that records them (``numpy simd``, since stop 62) is rebuilt with the ones its record
leaves out turned off (``NPY_DISABLE_CPU_FEATURES``, unless it is set already).

Caches make a rerun quick: the attribution parses go to ``--attribution-cache`` and the credibility
signals to that command's own cache (``/tmp/newsift-credibility-cache``).  The first run parses
PolNeAR train and every credibility article with spaCy (on two cores, each model from empty caches:
attribution 4 minutes, credibility 6 to 21, clickbait 1.3 to 3.6).  The first-name table keeps no
cache and parses the corpus on every run (8 to 21 minutes), so with warm caches a full run took 28
minutes in stop 36; ``--only`` skips it.  Exit status 1 when any file differs, 2 when the data is
missing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "src" / "newsift" / "models"
sys.path.insert(0, str(ROOT / "src"))
from newsift.provenance import (  # noqa: E402
    BASELINE_ONLY,
    ENVIRONMENT_KEY,
    NUMPY_SIMD_KEY,
    environment_changes,
    numpy_simd,
    pin_mismatches,
    read_pins,
)


@dataclass(frozen=True)
class Build:
    name: str
    # The rebuild command with {data}, {out} and {cache} to fill in, as the card gives it.
    argv: tuple[str, ...]
    # The files the command writes that ship in the package (cards written by hand are not rebuilt).
    files: tuple[str, ...]
    data_subdir: str = ""
    # The folder of models/ the files ship in, when it is not the build's name.
    folder: str = ""

    @property
    def shipped(self) -> Path:
        return MODELS / (self.folder or self.name)


BUILDS: tuple[Build, ...] = (
    Build(
        "attribution",
        ("-m", "newsift.nlp.train_attribution", "--data", "{data}", "--out", "{out}", "--cache", "{cache}"),
        ("attribution_model.json",),
        data_subdir="polnear",
    ),
    Build(
        "clickbait",
        ("-m", "newsift.signals.train_clickbait", "--data", "{data}", "--out", "{out}"),
        ("model.json",),
    ),
    Build(
        "reputation",
        ("-m", "newsift.signals.build_reputation", "--data", "{data}", "--out", "{out}"),
        ("reputation.json.gz", "README.md"),
    ),
    Build("names", ("-m", "newsift.nlp.build_names", "--data", "{data}", "--out", "{out}"), ("first_names.json",)),
    Build(
        "census_names",
        ("-m", "newsift.nlp.build_names", "--census", "--out", "{out}"),
        ("census_first_names.json",),
        folder="names",
    ),
    Build("credibility", ("-m", "newsift.scoring.train", "--data", "{data}", "--out", "{out}"), ("model.json",)),
)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def shipped_training_day(build: Build) -> datetime | None:
    """The ``metadata.trained`` day of the build's shipped JSON file, if it records one."""
    for name in build.files:
        path = build.shipped / name
        if path.suffix != ".json" or not path.is_file():
            continue
        day = json.loads(path.read_text(encoding="utf-8")).get("metadata", {}).get("trained")
        if isinstance(day, str):
            return datetime.strptime(day, "%Y-%m-%d").replace(tzinfo=UTC)
    return None


# The instruction set each x86 OpenBLAS kernel needs (as /proc/cpuinfo names it): a kernel is only
# forced on a CPU that can run it; one not listed here is left to OpenBLAS's own choice.
KERNEL_NEEDS: dict[str, str] = {
    "Sandybridge": "avx",
    "Haswell": "avx2",
    "Zen": "avx2",
    "SkylakeX": "avx512f",
    "Cooperlake": "avx512_bf16",
    "SapphireRapids": "amx_tile",
}
CORETYPE = "OPENBLAS_CORETYPE"


def shipped_environment(build: Build) -> dict[str, str] | None:
    """The environment record of the build's first shipped JSON file that holds one."""
    for name in build.files:
        path = build.shipped / name
        if path.suffix == ".json" and path.is_file():
            _, env = split_environment(path)
            if env is not None:
                return env
    return None


def recorded_kernel(env: dict[str, str] | None) -> str | None:
    """The OpenBLAS kernel a file's environment record names (``blas <where>: openblas <version>
    <kernel>``), when every OpenBLAS it records chose the same one."""
    kernels = {
        value.split()[-1]
        for key, value in (env or {}).items()
        if key.startswith("blas ") and value.startswith("openblas ") and len(value.split()) >= 3
    }
    return kernels.pop() if len(kernels) == 1 else None


def cpu_flags(cpuinfo: Path = Path("/proc/cpuinfo")) -> frozenset[str]:
    """The instruction-set flags of this machine's first CPU; none where the file is not there."""
    try:
        text = cpuinfo.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return frozenset()
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "flags":
            return frozenset(value.split())
    return frozenset()


def kernel_pin(kernel: str | None, environ: Mapping[str, str], flags: frozenset[str]) -> tuple[dict[str, str], str]:
    """What to add to a rebuild's environment so OpenBLAS runs ``kernel``, and a note that says what
    was done (empty when the file records no kernel)."""
    if kernel is None:
        return {}, ""
    if environ.get(CORETYPE):
        return {}, f"{CORETYPE}={environ[CORETYPE]} as set (the shipped file was built with {kernel})"
    need = KERNEL_NEEDS.get(kernel)
    if need is None or need not in flags:
        why = f"this CPU lacks {need}" if need else "no known instruction set to check it by"
        return {}, f"OpenBLAS's own kernel: the shipped file's {kernel} is not forced ({why})"
    return {CORETYPE: kernel}, f"OpenBLAS's {kernel} kernel, as the shipped file records ({CORETYPE})"


SIMD_OFF = "NPY_DISABLE_CPU_FEATURES"


def simd_pin(recorded: str | None, environ: Mapping[str, str], found: list[str] | None) -> tuple[dict[str, str], str]:
    """What to add to a rebuild's environment so numpy dispatches to no SIMD extension the shipped
    file's record (``recorded``, as ``provenance.training_environment`` writes it) leaves out, of those
    this CPU has (``found``); and a note that says what was done (empty when there is nothing to do)."""
    if recorded is None or found is None:
        return {}, ""
    if environ.get(SIMD_OFF):
        return {}, f"{SIMD_OFF}={environ[SIMD_OFF]} as set (the shipped file was built with numpy SIMD {recorded})"
    kept = set() if recorded == BASELINE_ONLY else set(recorded.split())
    extra = [name for name in found if name not in kept]
    missing = sorted(kept - set(found))
    lacks = f"; this CPU lacks {', '.join(missing)}, which the shipped file's numpy used" if missing else ""
    if not extra:
        return {}, f"numpy's own SIMD loops{lacks}" if lacks else ""
    limited = f"numpy's SIMD loops limited to {recorded}, as the shipped file records ({SIMD_OFF})"
    return {SIMD_OFF: " ".join(extra)}, limited + lacks


def rebuild(build: Build, data: Path, out: Path, cache: Path) -> tuple[int, str, str]:
    """Run the build's command; its exit status, the tail of what it printed, and a note on the
    OpenBLAS kernel and numpy SIMD loops it ran with (empty when the file records neither)."""
    fill = {"data": str(data / build.data_subdir if build.data_subdir else data), "out": str(out), "cache": str(cache)}
    argv = [sys.executable, *(part.format(**fill) for part in build.argv)]
    env = dict(os.environ)
    when = shipped_training_day(build)
    if when is not None:
        # The file records the day it was trained: rebuild it as of that day, so only what was
        # learned can differ.
        env["SOURCE_DATE_EPOCH"] = str(int(when.timestamp()))
    # The kernel moves a fit's last digits: rebuild on the one the file was built with, so only a
    # change of code, data or library can make it differ.
    recorded = shipped_environment(build)
    pin, note = kernel_pin(recorded_kernel(recorded), env, cpu_flags())
    # So do numpy's SIMD loops, for the files that record them (since stop 62).
    simd, simd_note = simd_pin((recorded or {}).get(NUMPY_SIMD_KEY), env, numpy_simd())
    env.update(pin)
    env.update(simd)
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, check=False, env=env)
    return done.returncode, (done.stdout + done.stderr)[-2000:], "; ".join(n for n in (note, simd_note) if n)


def split_environment(path: Path) -> tuple[Any, dict[str, str] | None]:
    """A JSON model file's content without its environment record, and the record.

    The record sits in the file's ``metadata`` (or, in the attribution file, ``meta``).  A file that
    is no JSON object comes back whole, with no record."""
    if path.suffix != ".json":
        return path.read_bytes(), None
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        return data, None
    for key in ("metadata", "meta"):
        meta = data.get(key)
        if isinstance(meta, dict) and ENVIRONMENT_KEY in meta:
            env = meta.pop(ENVIRONMENT_KEY)
            return data, env if isinstance(env, dict) else None
    return data, None


def content_changes(a: Any, b: Any, shown: int = 3) -> str:
    """How two parsed model files differ: how many numbers moved and by how much at most, and the first
    few other fields that differ (a field, list or string of another shape, or a key only one holds).

    A FAIL then says at once whether a rebuild drifted in its last digits or learned something else."""
    moved = 0
    biggest = 0.0
    other: list[str] = []

    def number(x: Any) -> bool:
        return isinstance(x, int | float) and not isinstance(x, bool)

    def walk(x: Any, y: Any, path: str) -> None:
        nonlocal moved, biggest
        if isinstance(x, dict) and isinstance(y, dict):
            for key in sorted(set(x) | set(y), key=str):
                if key in x and key in y:
                    walk(x[key], y[key], f"{path}/{key}")
                else:
                    other.append(f"{path}/{key}")
        elif isinstance(x, list) and isinstance(y, list) and len(x) == len(y):
            for i, (p, q) in enumerate(zip(x, y, strict=True)):
                walk(p, q, f"{path}[{i}]")
        elif number(x) and number(y):
            if x != y:
                moved += 1
                biggest = max(biggest, abs(x - y))
        elif x != y:
            other.append(path or "/")

    walk(a, b, "")
    parts = []
    if moved:
        parts.append(f"{moved:,} numbers moved, by at most {biggest:.3g}")
    if other:
        more = ", ..." if len(other) > shown else ""
        parts.append(f"{len(other):,} other fields differ ({', '.join(other[:shown])}{more})")
    return "; ".join(parts)


def verdict(shipped: Path, rebuilt: Path) -> tuple[bool, str]:
    """Whether ``rebuilt`` holds what ``shipped`` holds, and the line that says how they compare."""
    a, b = sha256(shipped), sha256(rebuilt)
    detail = f"shipped {a[:12]}, rebuilt {b[:12]}"
    if a == b:
        return True, detail
    content_a, env_a = split_environment(shipped)
    content_b, env_b = split_environment(rebuilt)
    changes = environment_changes(env_a, env_b) if env_a != env_b else []
    if content_a == content_b:
        if changes:
            return True, f"{detail}; the same model, built with other libraries: {', '.join(changes)}"
        return True, f"{detail}; the same content, written in another order"
    if not isinstance(content_a, bytes) and not isinstance(content_b, bytes):
        detail = f"{detail}; {content_changes(content_a, content_b)}"
    if changes:
        return False, f"{detail}; built with other libraries: {', '.join(changes)}"
    return False, f"{detail}; same recorded environment" if env_a else detail


def compare(build: Build, out: Path) -> list[tuple[str, bool, str]]:
    rows = []
    for name in build.files:
        shipped, rebuilt = build.shipped / name, out / name
        if not rebuilt.is_file():
            rows.append((f"{build.name}/{name}", False, "the command wrote no such file"))
            continue
        ok, detail = verdict(shipped, rebuilt)
        rows.append((f"{build.name}/{name}", ok, detail))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--only", nargs="+", choices=[b.name for b in BUILDS], default=None)
    parser.add_argument("--attribution-cache", type=Path, default=Path(tempfile.gettempdir()) / "polnear_parses")
    parser.add_argument("--keep", type=Path, default=None, help="write the rebuilt files here instead of a temp dir")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"error: {args.data} not found; pass --data", file=sys.stderr)
        return 2
    pins = ROOT / "constraints" / "train.txt"
    for line in pin_mismatches(read_pins(pins)):
        # Said before the rebuilds, which take minutes each: a FAIL is then expected, not a surprise.
        print(f"note: {line} ({pins.relative_to(ROOT)}); a rebuild may differ from the shipped files", flush=True)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="newsift-reproduce-") as tmp:
        base = args.keep or Path(tmp)
        for build in BUILDS:
            if args.only and build.name not in args.only:
                continue
            out = base / build.name
            out.mkdir(parents=True, exist_ok=True)
            t0 = time.perf_counter()
            code, tail, machine_note = rebuild(build, args.data, out, args.attribution_cache)
            took = time.perf_counter() - t0
            if machine_note:
                print(f"note: {build.name} rebuilt with {machine_note}", flush=True)
            if code != 0:
                failed += 1
                print(f"FAIL  {build.name}: the command exited {code} after {took:.0f} s\n{tail}", flush=True)
                continue
            for what, ok, detail in compare(build, out):
                failed += not ok
                # Flushed: a run takes minutes per model, and its output often goes to a file.
                print(f"{'PASS' if ok else 'FAIL'}  {what}  {detail}  ({took:.0f} s)", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
