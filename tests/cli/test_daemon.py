"""``nablab daemon``: a command run by the warm server is the command run alone (output, exit
code, files, standard input, Ctrl-C), and a server that is stale, dead or not private is
passed over. Through the real entry point (``python -m nablab``), with real servers."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import nablab
from nablab.daemon import client, wire
from nablab.i18n import translate

ROOT = Path(nablab.__file__).resolve().parent


def _env(folder: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("NABLAB_NO_DAEMON", "LANG", "LC_ALL", "LC_MESSAGES", "NABLAB_LANG")}
    return {**env, "NABLAB_DAEMON_DIR": folder, "PYTHONDONTWRITEBYTECODE": "1", **extra}


def nablab_cli(env: dict[str, str], *argv: str, cwd: str | None = None,
               stdin: str | None = None, timeout: float = 120) -> tuple[int, str, str]:
    done = subprocess.run([sys.executable, "-m", "nablab", *argv], capture_output=True,
                          text=True, env=env, cwd=cwd, input=stdin, timeout=timeout)
    return done.returncode, done.stdout, done.stderr


def served(env: dict[str, str]) -> int:
    code, out, _ = nablab_cli(env, "daemon", "status", "--json")
    assert code == 0, out
    return int(json.loads(out)["served"])


def _start(folder: str) -> dict[str, str]:
    env = _env(folder)
    code, out, err = nablab_cli(env, "daemon", "start")
    assert code == 0, (out, err)
    return env


def _stop(env: dict[str, str]) -> None:
    answer = subprocess.run([sys.executable, "-m", "nablab", "daemon", "status", "--json"],
                            capture_output=True, text=True, env=env, timeout=60)
    if answer.returncode == 0:
        pid = json.loads(answer.stdout)["pid"]
        nablab_cli(env, "daemon", "stop")
        _wait_gone(pid)


def _wait_gone(pid: int, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0]
        except FileNotFoundError:
            return
        if state == "Z":
            return
        time.sleep(0.05)
    raise AssertionError(f"process {pid} still runs")


@contextlib.contextmanager
def _running() -> Iterator[dict[str, str]]:
    """A server in a private folder of its own (short: a socket's path is at most 107 bytes);
    the environment that reaches it."""
    folder = tempfile.mkdtemp(prefix="nd-")
    env = _start(folder)
    try:
        yield env
    finally:
        _stop(env)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def server() -> Iterator[dict[str, str]]:
    """One server for the tests that leave it running."""
    with _running() as env:
        yield env


@pytest.fixture
def own_server() -> Iterator[dict[str, str]]:
    """A server for one test that stops, kills or changes it."""
    with _running() as env:
        yield env


@pytest.mark.parametrize(("argv", "lang"), [
    (("diff", "x^2 + 3xy + y^2", "--at", "x=1,y=2"), None),
    (("diff", "x^2 + 3xy + y^2", "--at", "x=1,y=2"), "ko_KR.UTF-8"),
    (("diff", "1/(1+e^{-x})", "--json"), None),
    (("critical", "x^3 - 3x + y^2"), None),
    (("diff", "x^^2"), None),                       # a parse error: exit code 1, stderr
    (("diff", "x^2", "--nonsense"), "ko_KR.UTF-8"),  # a usage error: exit code 2, in Korean
    (("--help",), None),                            # every command, serve and daemon too
    (("train", "--data", "example:linear"), None),
])
def test_a_served_command_reads_as_the_command_alone(server: dict[str, str],
                                                     argv: tuple[str, ...],
                                                     lang: str | None) -> None:
    extra = {"LANG": lang} if lang else {}
    before = served(server)
    by_server = nablab_cli({**server, **extra}, *argv)
    alone = nablab_cli({**server, **extra, "NABLAB_NO_DAEMON": "1"}, *argv)
    assert by_server == alone
    assert served(server) == before + 1      # the server ran it; NABLAB_NO_DAEMON did not ask


def test_files_land_in_the_callers_folder(server: dict[str, str], tmp_path: Path) -> None:
    """Where the caller is, with the caller's file mode mask."""
    mask = os.umask(0o077)
    try:
        code, out, _ = nablab_cli(server, "plot", "x^2 + y^2", "--out", "surface.png",
                                  cwd=str(tmp_path))
    finally:
        os.umask(mask)
    assert code == 0
    made = tmp_path / "surface.png"
    assert made.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert os.stat(made).st_mode & 0o777 == 0o600
    assert "surface.png" in out


def test_standard_input_is_the_callers(server: dict[str, str]) -> None:
    working = "d/dx (x^2 sin x) = 2x sin x + x^2 cos x\n"
    by_server = nablab_cli(server, "check", "d/dx (x^2 sin x)", "--file", "-", stdin=working)
    alone = nablab_cli({**server, "NABLAB_NO_DAEMON": "1"}, "check", "d/dx (x^2 sin x)",
                       "--file", "-", stdin=working)
    assert by_server == alone and by_server[0] == 0


def test_ctrl_c_stops_the_command(server: dict[str, str]) -> None:
    """The client passes SIGINT on to the server's child running the command."""
    slow = ("x^6 y^3 z^2 + 3 x^5 y^2 z^4 - 7 x^4 y^5 z + 2 x^3 y^6 z^3 - x^7 z + y^7 x + z^8"
            " - 5 x y z^5 + x^2 + y^2 + z^2")   # ~7 s without msolve
    before = served(server)
    proc = subprocess.Popen([sys.executable, "-m", "nablab", "critical", slow, "--timeout",
                             "120"], env={**server, "NABLAB_MSOLVE": "0"},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while served(server) == before and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)
    begun = time.monotonic()
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, (out, err)
    assert time.monotonic() - begun < 20


def test_a_stale_server_stops_and_the_command_runs_alone(own_server: dict[str, str]) -> None:
    """Sources newer than the server's (an upgrade, an edit): it stops, and the command runs
    in its own process, answering as always."""
    pid = json.loads(nablab_cli(own_server, "daemon", "status", "--json")[1])["pid"]
    source = ROOT / "daemon" / "__init__.py"
    times = os.stat(source)
    try:
        os.utime(source, ns=(times.st_atime_ns, times.st_mtime_ns + 1_000_000_000))
        code, out, _ = nablab_cli(own_server, "diff", "x^2", "--json")
    finally:
        os.utime(source, ns=(times.st_atime_ns, times.st_mtime_ns))
    assert code == 0 and json.loads(out)["partials"] == {"x": "2*x"}
    _wait_gone(pid)
    code, out, _ = nablab_cli(own_server, "daemon", "status")
    assert code == 3 and out.strip() == translate("cli.daemon.not_running", "en")


def test_a_dead_server_is_passed_over(own_server: dict[str, str]) -> None:
    pid = json.loads(nablab_cli(own_server, "daemon", "status", "--json")[1])["pid"]
    os.kill(pid, signal.SIGKILL)
    _wait_gone(pid)
    assert (Path(own_server["NABLAB_DAEMON_DIR"]) / "socket").exists()  # left behind
    by_dead = nablab_cli(own_server, "diff", "x^2 + y^2")
    assert by_dead == nablab_cli({**own_server, "NABLAB_NO_DAEMON": "1"}, "diff", "x^2 + y^2")
    assert by_dead[0] == 0
    code, _, _ = nablab_cli(own_server, "daemon", "start")   # and a new one takes its place
    assert code == 0 and served(own_server) == 0


def test_a_folder_others_may_enter_is_not_used(own_server: dict[str, str]) -> None:
    folder = own_server["NABLAB_DAEMON_DIR"]
    before = served(own_server)
    os.chmod(folder, 0o755)
    try:
        assert nablab_cli(own_server, "diff", "x^2")[0] == 0   # run alone
        code, _, err = nablab_cli(own_server, "daemon", "start")
        assert code == 2
        assert err.strip() == "nablab: " + translate("error.daemon_folder", "en",
                                                     folder=folder) or folder in err
    finally:
        os.chmod(folder, 0o700)
    assert served(own_server) == before


def test_status_and_stop_in_both_languages(own_server: dict[str, str]) -> None:
    status = json.loads(nablab_cli(own_server, "daemon", "status", "--json")[1])
    code, out, _ = nablab_cli({**own_server, "LANG": "ko_KR.UTF-8"}, "daemon", "status")
    assert code == 0
    assert out.strip() == translate("cli.daemon.status", "ko", pid=status["pid"],
                                    served=status["served"], path=status["path"])
    code, out, _ = nablab_cli(own_server, "daemon", "start")
    assert code == 0 and out.strip() == translate("cli.daemon.already", "en",
                                                  pid=status["pid"])
    code, out, _ = nablab_cli(own_server, "daemon", "stop")
    assert code == 0 and out.strip() == translate("cli.daemon.stopped", "en",
                                                  pid=status["pid"])
    _wait_gone(status["pid"])
    assert not (Path(own_server["NABLAB_DAEMON_DIR"]) / "socket").exists()
    code, out, _ = nablab_cli({**own_server, "LANG": "ko_KR.UTF-8"}, "daemon", "status")
    assert code == 3 and out.strip() == translate("cli.daemon.not_running", "ko")


def test_no_server_means_no_question(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a socket (or with NABLAB_NO_DAEMON) the client says so at once."""
    monkeypatch.setenv("NABLAB_DAEMON_DIR", str(tmp_path))
    monkeypatch.delenv("NABLAB_NO_DAEMON")
    assert client.run_served(["diff", "x^2"]) is None
    assert wire.socket_path() == tmp_path / "socket"
    monkeypatch.setenv("NABLAB_NO_DAEMON", "1")
    assert client.run_served(["diff", "x^2"]) is None
    assert client.run_served(["serve"]) is None and client.run_served(["daemon", "stop"]) is None


def test_a_system_without_unix_sockets_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from nablab.__main__ import main
    from nablab.daemon import command

    monkeypatch.setattr(client, "supported", lambda: False)
    monkeypatch.setattr(command, "supported", lambda: False)
    monkeypatch.delenv("NABLAB_NO_DAEMON")
    assert client.run_served(["diff", "x^2"]) is None
    out, err = io.StringIO(), io.StringIO()
    assert main(["daemon", "start"], stdout=out, stderr=err) == 2
    assert translate("error.daemon_unsupported", "en") in err.getvalue()
