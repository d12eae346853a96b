"""Saving never loses a file: atomic writes, kept permissions, concurrent writers, the report folder.

Write failures are made real where the kernel allows it without privileges (a file-size limit
makes ``write`` fail half-way, as a full disk does; a read-only folder), and injected
otherwise (an ``OSError`` or a ``KeyboardInterrupt`` from ``os.write``, ``os.fsync`` or
``os.replace``). After every failure the old file must be byte for byte as it was, and no
temporary file may be left behind.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import json
import os
import shutil
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import argmap
from argmap.cli import main
from argmap.convert import convert
from argmap.errors import ArgmapError
from argmap.formats.text import write_bytes, write_text
from argmap.render.report import MANIFEST, write_report
from tests.helpers import EXAMPLES, ROOT, SHOWCASE

TOY = EXAMPLES / "toy-corpus"
needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is missing")


def listing(folder: Path) -> list[str]:
    """Every entry of a folder, hidden ones too (a stray temporary file shows up here)."""
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def saved(tmp_path: Path) -> tuple[Path, bytes]:
    """A real map saved in a folder of its own, and its bytes."""
    path = tmp_path / "m.yaml"
    data = SHOWCASE.read_bytes()
    path.write_bytes(data)
    return path, data


def edited() -> argmap.ArgumentMap:
    m = argmap.read_map(SHOWCASE)
    return attrs.evolve(m, title=m.title + " (edited)")


# What can fail, and how: each makes the first write, fsync or replace of a save fail.


def _half_then(exc: BaseException) -> Callable[..., Any]:
    real = os.write

    def write(fd: int, data: Any) -> int:
        if len(data) > 1:  # a short write first, as on a disk that fills up ...
            return real(fd, bytes(data[: len(data) // 2]))
        raise exc  # ... then the error

    return write


def _raise(exc: BaseException) -> Callable[..., Any]:
    def fail(*_args: Any) -> Any:
        raise exc

    return fail


FAILURES: dict[str, tuple[str, Callable[[], Callable[..., Any]]]] = {
    "disk full in write": ("write", lambda: _half_then(OSError(errno.ENOSPC, "No space left"))),
    "I/O error in fsync": ("fsync", lambda: _raise(OSError(errno.EIO, "Input/output error"))),
    "replace fails": ("replace", lambda: _raise(OSError(errno.EIO, "Input/output error"))),
}

WRITERS: dict[str, Callable[[Path], object]] = {
    "write_text": lambda path: write_text(path, "id: x\n" * 5000),
    "write_bytes": lambda path: write_bytes(path, b"\x89PNG" * 5000),
    "write_map": lambda path: argmap.write_map(edited(), path),
    "convert": lambda path: convert(SHOWCASE, path, target_format="graphml"),
}


@pytest.mark.parametrize("failure", FAILURES)
@pytest.mark.parametrize("writer", WRITERS)
def test_a_failed_save_leaves_the_old_file_and_no_temporary(
    saved: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch, failure: str, writer: str
) -> None:
    path, data = saved
    name, make = FAILURES[failure]
    monkeypatch.setattr(os, name, make())
    with pytest.raises(ArgmapError) as caught:
        WRITERS[writer](path)
    monkeypatch.undo()
    assert path.read_bytes() == data
    assert listing(path.parent) == ["m.yaml"]
    problem = caught.value.problems[0]
    assert (problem.path, problem.code) == (str(path), "unwritable")
    assert "cannot write" in problem.message


@pytest.mark.parametrize("failure", FAILURES)
def test_a_failed_save_of_a_new_file_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    name, make = FAILURES[failure]
    monkeypatch.setattr(os, name, make())
    with pytest.raises(ArgmapError):
        write_text(tmp_path / "new.yaml", "id: new\n" * 1000)
    monkeypatch.undo()
    assert listing(tmp_path) == []


@pytest.mark.parametrize("stage", ["write", "fsync", "replace"])
def test_ctrl_c_in_the_middle_of_a_save_leaves_no_partial_file(
    saved: tuple[Path, bytes], monkeypatch: pytest.MonkeyPatch, stage: str
) -> None:
    path, data = saved
    fail = _half_then(KeyboardInterrupt()) if stage == "write" else _raise(KeyboardInterrupt())
    monkeypatch.setattr(os, stage, fail)
    with pytest.raises(KeyboardInterrupt):
        argmap.write_map(edited(), path)
    with pytest.raises(KeyboardInterrupt):
        write_text(path.with_name("new.yaml"), "id: new\n")
    monkeypatch.undo()
    assert path.read_bytes() == data
    assert listing(path.parent) == ["m.yaml"]


def test_a_real_short_write_leaves_the_map_intact(saved: tuple[Path, bytes]) -> None:
    """No injection: the kernel stops the save half-way (a file-size limit, like a full disk)."""
    path, data = saved
    code = (
        "import resource, sys; from argmap.cli import main; "
        "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096)); "
        f"sys.exit(main(['convert', {str(SHOWCASE)!r}, {str(path)!r}, '--to', 'graphml']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith(f"argmap: {path}: error: cannot write: File too large")
    assert "Traceback" not in done.stderr
    assert path.read_bytes() == data
    assert listing(path.parent) == ["m.yaml"]


def _without_override() -> None:
    """Drop root's right to ignore file permissions (in the child, before it runs Python)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl")


def run_without_privileges(args: list[str]) -> subprocess.CompletedProcess[str]:
    """Run ``argmap ARGS`` so that file permissions hold (root ignores read-only folders)."""
    try:
        return subprocess.run(
            [sys.executable, "-m", "argmap", *args],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            timeout=120,
            preexec_fn=_without_override if os.geteuid() == 0 else None,
        )
    except subprocess.SubprocessError:
        pytest.skip("cannot drop root's permission override here")


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    """A read-only folder holding a map."""
    folder = tmp_path / "ro"
    folder.mkdir()
    shutil.copy(SHOWCASE, folder / "m.yaml")
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)


def test_saving_into_a_read_only_folder_is_a_located_error(read_only: Path) -> None:
    target = read_only / "m.yaml"
    done = run_without_privileges(["convert", str(SHOWCASE), str(target), "--to", "argdown"])
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip() == (
        f"argmap: {target}: error: cannot write: Permission denied [unwritable]"
    )
    assert target.read_bytes() == SHOWCASE.read_bytes()
    assert listing(read_only) == ["m.yaml"]


@needs_dot
def test_a_report_into_a_read_only_folder_is_a_located_error(read_only: Path) -> None:
    done = run_without_privileges(["report", str(TOY), "-o", str(read_only)])
    done_sub = run_without_privileges(["report", str(TOY), "-o", str(read_only / "site")])
    assert done.returncode == 1
    assert "[folder-not-empty]" in done.stderr  # it holds a map: refused before anything
    assert done_sub.returncode == 1
    assert done_sub.stderr.strip().endswith(
        f"argmap: {read_only / 'site'}: error: cannot write in the folder: Permission denied "
        "[unwritable]"
    )
    assert "Traceback" not in done.stderr + done_sub.stderr
    assert listing(read_only) == ["m.yaml"]


@pytest.mark.parametrize(
    ("error", "raised"), [(errno.EINVAL, False), (errno.ENOTSUP, False), (errno.EIO, True)]
)
def test_a_folder_that_cannot_be_synced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: int, raised: bool
) -> None:
    """The file is in place either way; a real I/O error on the folder is still reported."""
    real = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(error, os.strerror(error))
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    path = tmp_path / "m.yaml"
    if raised:
        with pytest.raises(ArgmapError, match="its folder could not be synced") as caught:
            write_text(path, "new\n")
        assert caught.value.path == str(path)
    else:
        write_text(path, "new\n")
    assert path.read_text(encoding="utf-8") == "new\n"
    assert listing(tmp_path) == ["m.yaml"]


def test_permissions_and_owner_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o640)
    if os.geteuid() == 0:
        os.chown(path, 65534, 65534)
    write_text(path, "new\n")
    info = path.stat()
    assert stat.S_IMODE(info.st_mode) == 0o640
    if os.geteuid() == 0:
        assert (info.st_uid, info.st_gid) == (65534, 65534)
    assert path.read_text(encoding="utf-8") == "new\n"


def test_a_new_file_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_text(tmp_path / "a.yaml", "a\n")
    finally:
        os.umask(old)
    write_text(tmp_path / "b.yaml", "b\n")
    assert stat.S_IMODE((tmp_path / "a.yaml").stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp_path / "b.yaml").stat().st_mode) == 0o666 & ~old


def test_a_link_stays_a_link_and_devices_are_written_directly(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    write_text(link, "new\n")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new\n"
    write_text(os.devnull, "nothing\n")  # not replaced by a regular file
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)
    with pytest.raises(ArgmapError, match="it is a folder"):
        write_text(tmp_path, "x")
    with pytest.raises(ArgmapError, match="its folder does not exist"):
        write_text(tmp_path / "missing" / "a.yaml", "x")


VERSIONS = [(f"# version {v}\n" + f"line {v}\n" * 40_000).encode() for v in range(6)]
"""Six different versions of one file, big enough (about 400 KB) to need several writes."""


def _watch(path: Path, stop: threading.Event, seen: list[bytes]) -> None:
    """Read ``path`` over and over while it is written, recording every state seen."""
    while not stop.is_set():
        with contextlib.suppress(FileNotFoundError):
            seen.append(path.read_bytes())


def test_concurrent_threads_never_leave_a_torn_file(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    stop, seen = threading.Event(), list[bytes]()
    reader = threading.Thread(target=_watch, args=(path, stop, seen))
    reader.start()

    def writer(version: bytes) -> None:
        for _ in range(15):
            write_bytes(path, version)

    writers = [threading.Thread(target=writer, args=(v,)) for v in VERSIONS]
    for t in writers:
        t.start()
    for t in writers:
        t.join()
    stop.set()
    reader.join()
    assert path.read_bytes() in VERSIONS
    assert seen
    assert all(state in VERSIONS for state in seen)
    assert listing(tmp_path) == ["m.yaml"]


def test_concurrent_processes_never_leave_a_torn_file(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    code = (
        "import sys; from argmap.formats.text import write_text; "
        "v = int(sys.argv[1]); text = f'# version {v}\\n' + f'line {v}\\n' * 40000\n"
        f"for _ in range(15): write_text({str(path)!r}, text)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    stop, seen = threading.Event(), list[bytes]()
    reader = threading.Thread(target=_watch, args=(path, stop, seen))
    reader.start()
    writers = [
        subprocess.Popen([sys.executable, "-c", code, str(v)], env=env)
        for v in range(len(VERSIONS))
    ]
    statuses = [w.wait(timeout=120) for w in writers]
    stop.set()
    reader.join()
    assert statuses == [0] * len(VERSIONS)
    assert path.read_bytes() in VERSIONS
    assert seen
    assert all(state in VERSIONS for state in seen)
    assert listing(tmp_path) == ["m.yaml"]


# The report folder


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    """The toy corpus's report under grounded and under preferred semantics: name -> bytes."""
    made = {}
    for semantics in ("grounded", "preferred"):
        site = tmp_path_factory.mktemp(semantics)
        write_report(argmap.read_corpus(TOY), site, semantics)
        made[semantics] = {p.name: p.read_bytes() for p in site.iterdir()}
    return made


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


@needs_dot
def test_a_report_marks_its_folder_and_runs_again_into_it(
    tmp_path: Path, reports: dict[str, dict[str, bytes]], capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    assert main(["report", str(TOY), "-o", str(site)]) == 0
    pages = sorted(n for n in reports["grounded"] if n != MANIFEST)
    manifest = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["files"] == pages
    assert contents(site) == reports["grounded"]
    (site / "notes.txt").write_text("mine\n", encoding="utf-8")
    assert main(["report", str(TOY), "-o", str(site), "-s", "preferred"]) == 0
    assert "overwriting" not in capsys.readouterr().err
    assert contents(site) == {**reports["preferred"], "notes.txt": b"mine\n"}


@needs_dot
def test_a_rerun_removes_only_its_own_stale_pages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    listed = ["essay-gone.html", "../outside.html", "notes.txt", "index.html"]
    (site / MANIFEST).write_text(json.dumps({"files": listed}), encoding="utf-8")
    for name in ("essay-gone.html", "notes.txt"):
        (site / name).write_text("x", encoding="utf-8")
    (tmp_path / "outside.html").write_text("x", encoding="utf-8")
    assert main(["report", str(TOY), "-o", str(site)]) == 0
    assert "removing" in capsys.readouterr().err
    assert not (site / "essay-gone.html").exists()  # a page of an essay no longer there
    assert (site / "notes.txt").exists()  # listed, but not a name argmap writes
    assert (tmp_path / "outside.html").exists()


@needs_dot
def test_a_report_refuses_a_foreign_folder_unless_forced(
    tmp_path: Path, reports: dict[str, dict[str, bytes]], capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("my own home page\n", encoding="utf-8")
    (site / "photo.png").write_bytes(b"\x89PNG")
    assert main(["report", str(TOY), "-o", str(site)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"argmap: {site}: error: the folder is not empty (2 entries)")
    assert "--force" in err
    assert err.rstrip().endswith("[folder-not-empty]")
    assert contents(site) == {"index.html": b"my own home page\n", "photo.png": b"\x89PNG"}
    assert main(["report", str(TOY), "-o", str(site), "--force"]) == 0
    assert f"overwriting {site / 'index.html'} (not written by argmap)" in capsys.readouterr().err
    assert contents(site) == {**reports["grounded"], "photo.png": b"\x89PNG"}


def test_a_report_refuses_a_file_in_place_of_its_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "report.html"
    path.write_text("keep me\n", encoding="utf-8")
    assert main(["report", str(TOY), "-o", str(path)]) == 1
    assert capsys.readouterr().err == (
        f"argmap: {path}: error: not a folder: the report is a folder of pages [not-a-folder]\n"
    )
    assert path.read_text(encoding="utf-8") == "keep me\n"
    assert main(["report", str(TOY), "-o", str(path / "site")]) == 1
    assert "[unwritable]" in capsys.readouterr().err
    assert listing(tmp_path) == ["report.html"]


def test_a_report_that_times_out_leaves_the_folder_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["report", str(TOY), "-o", str(tmp_path / "new"), "--timeout", "1e-9"]) == 3
    )  # timed out
    assert listing(tmp_path) == []  # the folder it made is gone again


@needs_dot
def test_a_report_failing_half_way_leaves_every_page_whole(
    tmp_path: Path, reports: dict[str, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    corpus = argmap.read_corpus(TOY)
    write_report(corpus, site, "grounded")
    real, calls = os.replace, []

    def replace(source: Any, target: Any) -> None:
        calls.append(target)
        if len(calls) == 4:  # the manifest and two pages are in place, then the disk fills
            raise OSError(errno.ENOSPC, "No space left on device")
        real(source, target)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(ArgmapError, match="No space left on device"):
        write_report(corpus, site, "preferred")
    monkeypatch.undo()
    now = contents(site)
    assert set(now) == set(reports["grounded"])
    assert all(now[n] in (reports["grounded"][n], reports["preferred"][n]) for n in now)
    assert sum(now[n] == reports["preferred"][n] != reports["grounded"][n] for n in now) >= 1


@needs_dot
def test_two_reports_into_one_folder_at_once_leave_one_whole_report(
    tmp_path: Path, reports: dict[str, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each run's pages are made first, then written with the folder held: no mixture.

    Without the hold, a quick run that starts writing while a slow one is half-way through
    would leave the slow run's first pages overwritten and its last pages on top.
    """
    site = tmp_path / "site"
    corpus = argmap.read_corpus(TOY)
    write_report(corpus, site, "grounded")
    real, slow_half_way, slow_writes = os.replace, threading.Event(), []

    def replace(source: Any, target: Any) -> None:
        if threading.current_thread().name == "slow":
            slow_writes.append(target)
            if len(slow_writes) == 3:
                slow_half_way.set()
            threading.Event().wait(0.05)
        else:  # the quick run writes once the slow one is half-way (or after 2 s: it waits)
            slow_half_way.wait(2)
        real(source, target)

    monkeypatch.setattr(os, "replace", replace)
    runs = [
        threading.Thread(target=write_report, args=(corpus, site, semantics), name=name)
        for semantics, name in (("preferred", "slow"), ("grounded", "quick"))
    ]
    for run in runs:
        run.start()
    for run in runs:
        run.join()
    monkeypatch.undo()
    now = contents(site)
    assert now in (reports["grounded"], reports["preferred"])


@needs_dot
def test_ctrl_c_while_a_new_report_is_written_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real, calls = os.replace, []

    def replace(source: Any, target: Any) -> None:
        calls.append(target)
        if len(calls) == 3:
            raise KeyboardInterrupt
        real(source, target)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        write_report(argmap.read_corpus(TOY), tmp_path / "site")
    monkeypatch.undo()
    assert listing(tmp_path) == []


@needs_dot
def test_an_essay_id_too_long_for_a_file_name_is_a_located_error(tmp_path: Path) -> None:
    long = attrs.evolve(argmap.read_map(TOY / "hawk.yaml"), id="e" * 300)
    with pytest.raises(ArgmapError, match="cannot write: File name too long") as caught:
        write_report(argmap.Corpus([long]), tmp_path / "site")
    assert caught.value.path == str(tmp_path / "site" / f"essay-{'e' * 300}.html")
    assert listing(tmp_path) == []


def test_write_corpus_into_a_folder_that_cannot_be_made(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    corpus = argmap.Corpus([argmap.ArgumentMap("a", "A", [argmap.Node("n", "claim", "N.")])])
    with pytest.raises(argmap.ArgmapError, match=r"cannot make the folder.*\[unwritable\]"):
        argmap.write_corpus(corpus, blocker / "maps")
    assert blocker.read_text(encoding="utf-8") == "not a folder"
