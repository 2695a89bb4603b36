"""How eval/reproduce.py judges a rebuilt model file against the shipped one (hand-made files, no data)."""

from __future__ import annotations

import json
import platform
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from conftest import load_eval_script
from newsift.provenance import (
    ENVIRONMENT_KEY,
    TRAINING_LIBRARIES,
    environment_changes,
    pin_mismatches,
    read_pins,
    training_environment,
)


@pytest.fixture(scope="module")
def rp() -> ModuleType:
    return load_eval_script("reproduce")


def _write(path: Path, weights: dict[str, float], env: dict[str, str] | None, meta_key: str = "metadata") -> Path:
    meta: dict[str, Any] = {"seed": 0}
    if env is not None:
        meta[ENVIRONMENT_KEY] = env
    path.write_text(json.dumps({"weights": weights, meta_key: meta}), encoding="utf-8")
    return path


SHIPPED_TRAINED_FILES = [
    ("attribution", "attribution_model.json", "meta"),
    ("clickbait", "model.json", "metadata"),
    ("credibility", "model.json", "metadata"),
]


def _shipped_environment(kind: str, filename: str, meta_key: str) -> dict[str, str]:
    text = resources.files("newsift").joinpath("models", kind, filename).read_text(encoding="utf-8")
    env: dict[str, str] = json.loads(text)[meta_key][ENVIRONMENT_KEY]
    return env


OLD = {"python": "3.11.7", "numpy": "2.4.6", "spacy": "3.8.18"}
NEW = {"python": "3.11.7", "numpy": "2.5.0", "spacy": "3.8.18"}


def test_identical_files_pass(rp: ModuleType, tmp_path: Path) -> None:
    a = _write(tmp_path / "a.json", {"x": 1.0}, OLD)
    b = _write(tmp_path / "b.json", {"x": 1.0}, OLD)
    ok, detail = rp.verdict(a, b)
    assert ok
    assert "other libraries" not in detail


@pytest.mark.parametrize("meta_key", ["metadata", "meta"])
def test_same_weights_other_libraries_pass_and_name_the_change(rp: ModuleType, tmp_path: Path, meta_key: str) -> None:
    a = _write(tmp_path / "a.json", {"x": 1.0}, OLD, meta_key)
    b = _write(tmp_path / "b.json", {"x": 1.0}, NEW, meta_key)
    ok, detail = rp.verdict(a, b)
    assert ok
    assert "the same model" in detail
    assert "numpy 2.4.6 → 2.5.0" in detail
    assert "spacy" not in detail


@pytest.mark.parametrize(
    ("rebuilt_env", "said"),
    [(NEW, "numpy 2.4.6 → 2.5.0"), (OLD, "same recorded environment")],
    ids=["other-libraries", "same-libraries"],
)
def test_other_weights_fail_and_say_whether_the_libraries_moved(
    rp: ModuleType, tmp_path: Path, rebuilt_env: dict[str, str], said: str
) -> None:
    a = _write(tmp_path / "a.json", {"x": 1.0}, OLD)
    b = _write(tmp_path / "b.json", {"x": 1.00001}, rebuilt_env)
    ok, detail = rp.verdict(a, b)
    assert not ok
    assert said in detail
    assert "1 numbers moved, by at most 1e-05" in detail


def test_the_same_content_in_another_order_passes(rp: ModuleType, tmp_path: Path) -> None:
    a = tmp_path / "a.json"
    b = tmp_path / "b.json"
    a.write_text(json.dumps({"weights": {"x": 1.0, "y": 2.0}, "metadata": {ENVIRONMENT_KEY: OLD}}), encoding="utf-8")
    b.write_text(json.dumps({"metadata": {ENVIRONMENT_KEY: OLD}, "weights": {"y": 2.0, "x": 1.0}}), encoding="utf-8")
    ok, detail = rp.verdict(a, b)
    assert ok
    assert "another order" in detail


def test_a_file_that_is_not_json_is_compared_by_its_bytes(rp: ModuleType, tmp_path: Path) -> None:
    a = tmp_path / "a.md"
    b = tmp_path / "b.md"
    a.write_text("one\n", encoding="utf-8")
    b.write_text("two\n", encoding="utf-8")
    ok, detail = rp.verdict(a, b)
    assert not ok
    assert "environment" not in detail


def test_content_changes_counts_moved_numbers_and_names_other_fields(rp: ModuleType) -> None:
    a = {"threshold": 0.42, "weights": {"x": 1.0, "y": 2.0, "gone": 3.0}, "kind": "a", "lemmas": ["say"]}
    b = {"threshold": 0.40, "weights": {"x": 1.5, "y": 2.0, "new": 3.0}, "kind": "b", "lemmas": ["say", "tell"]}
    said = rp.content_changes(a, b)
    assert said.startswith("2 numbers moved, by at most 0.5;")
    assert "4 other fields differ (/kind, /lemmas, /weights/gone, ...)" in said
    assert rp.content_changes(a, a) == ""


def test_a_shipped_file_without_a_record_is_judged_on_its_content(rp: ModuleType, tmp_path: Path) -> None:
    # Files trained before the record existed: the rest of the content decides, and the line says
    # which side lacks the record.
    a = _write(tmp_path / "a.json", {"x": 1.0}, None)
    same = _write(tmp_path / "same.json", {"x": 1.0}, NEW)
    other = _write(tmp_path / "other.json", {"x": 2.0}, NEW)
    ok, detail = rp.verdict(a, same)
    assert ok
    assert "the shipped file records no environment" in detail
    ok, detail = rp.verdict(a, other)
    assert not ok
    assert "the shipped file records no environment" in detail


def test_training_environment_names_what_is_installed() -> None:
    env = training_environment(["pytest", "no-such-distribution-newsift"])
    assert env["python"] == platform.python_version()
    assert env["pytest"] == pytest.__version__
    assert "no-such-distribution-newsift" not in env


def test_training_environment_names_the_blas_kernel() -> None:
    pytest.importorskip("threadpoolctl")
    # numpy's wheel bundles OpenBLAS, which is loaded as numpy is imported
    pytest.importorskip("numpy")
    blas = {k: v for k, v in training_environment([]).items() if k.startswith("blas ")}
    assert blas
    # implementation, version and kernel, the last chosen from this machine's CPU
    assert all(len(v.split()) >= 3 for v in blas.values())


def test_environment_changes_lists_added_and_removed_libraries() -> None:
    assert environment_changes({"a": "1"}, {"a": "1", "b": "2"}) == ["b absent → 2"]
    assert environment_changes({"a": "1"}, {"a": "1"}) == []
    assert environment_changes({}, {"a": "1"}) == ["the shipped file records no environment"]


@pytest.mark.parametrize(("kind", "filename", "meta_key"), SHIPPED_TRAINED_FILES)
def test_every_shipped_trained_file_says_what_built_it(kind: str, filename: str, meta_key: str) -> None:
    # A file committed without the record (hand-edited, or trained before it existed) could not
    # tell a failed rebuild's cause.
    env = _shipped_environment(kind, filename, meta_key)
    for name in ("python", "machine", "numpy", "scipy", "scikit-learn"):
        assert env.get(name), (kind, name)
    assert any(key.startswith("blas ") for key in env), kind


@pytest.mark.parametrize(("kind", "filename", "meta_key"), SHIPPED_TRAINED_FILES)
def test_the_training_constraints_pin_what_built_each_shipped_file(kind: str, filename: str, meta_key: str) -> None:
    # The pins are how someone else installs the libraries that rebuild a file byte for byte; a
    # retrain under other versions must move them too, or they would promise a rebuild that fails.
    env = _shipped_environment(kind, filename, meta_key)
    pins = read_pins(Path(__file__).resolve().parents[1] / "constraints" / "train.txt")
    recorded = {name: version for name, version in env.items() if name in TRAINING_LIBRARIES}
    assert recorded, kind
    assert {name: pins.get(name) for name in recorded} == recorded, kind


def test_read_pins_takes_each_pinned_line_and_skips_comments(tmp_path: Path) -> None:
    pins = tmp_path / "train.txt"
    pins.write_text("# why\nNumPy==2.4.6  # the maths\n\nscipy>=1.0\nspacy == 3.8.18\n", encoding="utf-8")
    assert read_pins(pins) == {"numpy": "2.4.6", "spacy": "3.8.18"}


def test_pin_mismatches_names_an_installed_library_at_another_version() -> None:
    installed = training_environment()["numpy"]
    assert pin_mismatches({"numpy": installed}) == []
    assert pin_mismatches({"numpy": "0.0.1"}) == [f"numpy installed {installed}, pinned 0.0.1"]
    # A pin for a library this machine lacks is nothing a rebuild here can differ by.
    assert pin_mismatches({"en-core-web-sm-nonexistent": "1.0"}, ["en-core-web-sm-nonexistent"]) == []
    # A pinned library that no file records is checked too.
    assert pin_mismatches({"datasketch": "0.0.1"}) == [f"datasketch installed {version('datasketch')}, pinned 0.0.1"]


def test_every_build_names_files_that_ship(rp: ModuleType) -> None:
    # A build whose folder is not its name (the census table ships beside the corpus-voted one).
    missing = [str(b.shipped / f) for b in rp.BUILDS for f in b.files if not (b.shipped / f).is_file()]
    assert missing == []
    assert {b.name: b.shipped.name for b in rp.BUILDS}["census_names"] == "names"


HASWELL = {"blas numpy.libs": "openblas 0.3.31 Haswell", "blas scipy.libs": "openblas 0.3.30 Haswell"}


def test_recorded_kernel_is_the_one_every_openblas_chose(rp: ModuleType) -> None:
    assert rp.recorded_kernel({"python": "3.11.7", **HASWELL}) == "Haswell"
    # Two copies that chose differently name no one kernel to force.
    assert rp.recorded_kernel({**HASWELL, "blas scipy.libs": "openblas 0.3.30 SkylakeX"}) is None
    assert rp.recorded_kernel({"blas numpy.libs": "mkl 2024.1 skylake"}) is None
    assert rp.recorded_kernel({"python": "3.11.7"}) is None
    assert rp.recorded_kernel(None) is None


def test_kernel_pin_forces_the_recorded_kernel_only_where_the_cpu_runs_it(rp: ModuleType) -> None:
    pin, note = rp.kernel_pin("Haswell", {}, frozenset({"sse2", "avx", "avx2"}))
    assert pin == {"OPENBLAS_CORETYPE": "Haswell"}
    assert "Haswell" in note
    # Forcing a kernel whose instructions the CPU lacks would crash the rebuild.
    pin, note = rp.kernel_pin("SkylakeX", {}, frozenset({"avx", "avx2"}))
    assert pin == {}
    assert "lacks avx512f" in note
    pin, note = rp.kernel_pin("NEOVERSEN1", {}, frozenset({"asimd"}))
    assert pin == {}
    assert "not forced" in note
    # A kernel the user chose is theirs.
    pin, note = rp.kernel_pin("Haswell", {"OPENBLAS_CORETYPE": "Sandybridge"}, frozenset({"avx2"}))
    assert pin == {}
    assert "OPENBLAS_CORETYPE=Sandybridge as set" in note
    assert rp.kernel_pin(None, {}, frozenset({"avx2"})) == ({}, "")


def test_cpu_flags_reads_the_first_cpu(rp: ModuleType, tmp_path: Path) -> None:
    info = tmp_path / "cpuinfo"
    info.write_text("processor\t: 0\nflags\t\t: fpu sse2 avx2\n\nprocessor\t: 1\nflags\t\t: fpu\n", encoding="utf-8")
    assert rp.cpu_flags(info) == frozenset({"fpu", "sse2", "avx2"})
    assert rp.cpu_flags(tmp_path / "missing") == frozenset()


def test_a_rebuild_runs_with_the_kernel_its_shipped_file_records(
    rp: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rp, "MODELS", tmp_path)
    monkeypatch.setattr(rp, "cpu_flags", lambda: frozenset({"avx2"}))
    monkeypatch.delenv("OPENBLAS_CORETYPE", raising=False)
    (tmp_path / "toy").mkdir()
    _write(tmp_path / "toy" / "model.json", {"x": 1.0}, {"python": "3.11.7", **HASWELL})
    build = rp.Build("toy", ("-c", "import os; print(os.environ.get('OPENBLAS_CORETYPE'))"), ("model.json",))
    code, printed, note = rp.rebuild(build, tmp_path, tmp_path / "out", tmp_path / "cache")
    assert code == 0
    assert printed.strip() == "Haswell"
    assert "Haswell" in note


@pytest.mark.parametrize(("kind", "filename", "meta_key"), SHIPPED_TRAINED_FILES)
def test_every_shipped_trained_file_names_one_openblas_kernel(kind: str, filename: str, meta_key: str) -> None:
    # What a rebuild forces; a file built with two kernels at once could not be rebuilt on either.
    rp_env = _shipped_environment(kind, filename, meta_key)
    kernels = {v.split()[-1] for k, v in rp_env.items() if k.startswith("blas ") and v.startswith("openblas ")}
    assert len(kernels) == 1, (kind, kernels)


def test_simd_pin_turns_off_the_loops_the_shipped_file_did_not_use(rp: ModuleType) -> None:
    found = ["X86_V3", "X86_V4", "AVX512_ICL"]
    pin, note = rp.simd_pin("X86_V3", {}, found)
    assert pin == {"NPY_DISABLE_CPU_FEATURES": "X86_V4 AVX512_ICL"}
    assert "limited to X86_V3" in note
    # The same loops, or none recorded: nothing to do.
    assert rp.simd_pin("X86_V3 X86_V4 AVX512_ICL", {}, found) == ({}, "")
    assert rp.simd_pin(None, {}, found) == ({}, "")
    assert rp.simd_pin("X86_V3", {}, None) == ({}, "")
    # A file built where numpy used nothing beyond its baseline.
    assert rp.simd_pin("baseline only", {}, ["X86_V3"])[0] == {"NPY_DISABLE_CPU_FEATURES": "X86_V3"}
    # Loops this CPU lacks cannot be turned on: said, not forced.
    pin, note = rp.simd_pin("X86_V3 X86_V4", {}, ["X86_V3"])
    assert pin == {}
    assert "lacks X86_V4" in note
    # A choice the user made is theirs.
    pin, note = rp.simd_pin("X86_V3", {"NPY_DISABLE_CPU_FEATURES": "AVX512_SPR"}, found)
    assert pin == {}
    assert "NPY_DISABLE_CPU_FEATURES=AVX512_SPR as set" in note


def test_a_rebuild_runs_with_the_numpy_loops_its_shipped_file_records(
    rp: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rp, "MODELS", tmp_path)
    monkeypatch.setattr(rp, "numpy_simd", lambda: ["X86_V3", "X86_V4"])
    monkeypatch.delenv("NPY_DISABLE_CPU_FEATURES", raising=False)
    (tmp_path / "toy").mkdir()
    _write(tmp_path / "toy" / "model.json", {"x": 1.0}, {"python": "3.11.7", "numpy simd": "X86_V3"})
    build = rp.Build("toy", ("-c", "import os; print(os.environ.get('NPY_DISABLE_CPU_FEATURES'))"), ("model.json",))
    code, printed, note = rp.rebuild(build, tmp_path, tmp_path / "out", tmp_path / "cache")
    assert code == 0
    assert printed.strip() == "X86_V4"
    assert "X86_V3" in note


def test_training_environment_names_numpy_s_simd_loops() -> None:
    pytest.importorskip("numpy")
    from newsift.provenance import NUMPY_SIMD_KEY, numpy_simd

    found = numpy_simd()
    assert found is not None
    assert training_environment([])[NUMPY_SIMD_KEY] == (" ".join(found) or "baseline only")
