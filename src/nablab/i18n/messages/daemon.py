"""Messages of ``nablab daemon``, the warm server of the command line.

Each entry is ``key: (English, Korean)``.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "cli.daemon.help": ("keep a warm server that runs each command in a fraction of the "
                        "start-up time",
                        "명령어를 빠르게 시작하도록 미리 준비된 서버를 켜 두기"),
    "cli.daemon.description": (
        "A fresh nablab spends most of a short command loading SymPy, NumPy, SciPy and "
        "matplotlib. 'nablab daemon start' loads them once in a server on this computer; "
        "while it runs, every nablab command is run by a copy of it, with the same output "
        "and exit code, several times faster. Only you can use it (a private folder). It "
        "stops after --idle seconds without a command, at 'nablab daemon stop', or when "
        "nablab is upgraded. NABLAB_NO_DAEMON=1 runs a command without it.",
        "새로 시작한 nablab은 짧은 명령어에서도 대부분의 시간을 SymPy, NumPy, SciPy, "
        "matplotlib를 불러오는 데 씁니다. 'nablab daemon start'는 이 컴퓨터의 서버에 이것들을 "
        "한 번만 불러 둡니다. 서버가 켜져 있는 동안 모든 nablab 명령어는 서버의 복사본이 "
        "실행하며, 출력과 종료 코드는 같고 몇 배 빠릅니다. 나만 쓸 수 있습니다(비공개 폴더). "
        "--idle초 동안 명령어가 없거나, 'nablab daemon stop'을 하거나, nablab을 업그레이드하면 "
        "멈춥니다. NABLAB_NO_DAEMON=1을 주면 서버 없이 실행합니다."),
    "cli.daemon.action": ("start the server, stop it, or say whether it runs",
                          "서버 시작(start), 멈춤(stop), 실행 여부 확인(status)"),
    "cli.daemon.idle": ("stop after this many seconds without a command; 0: never "
                        "(default: {default})",
                        "명령어 없이 이만큼(초) 지나면 멈춤. 0이면 멈추지 않음 (기본값: {default})"),
    "cli.daemon.started": ("The nablab server is running (pid {pid}): nablab commands now "
                           "start warm.",
                           "nablab 서버가 실행 중입니다(pid {pid}). 이제 nablab 명령어가 빠르게 "
                           "시작합니다."),
    "cli.daemon.already": ("The nablab server is already running (pid {pid}).",
                           "nablab 서버가 이미 실행 중입니다(pid {pid})."),
    "cli.daemon.status": ("The nablab server is running (pid {pid}, {served} command(s) run, "
                          "socket {path}).",
                          "nablab 서버가 실행 중입니다(pid {pid}, 명령어 {served}개 실행, "
                          "소켓 {path})."),
    "cli.daemon.stopped": ("The nablab server (pid {pid}) has stopped.",
                           "nablab 서버(pid {pid})를 멈췄습니다."),
    "cli.daemon.not_running": ("No nablab server is running: each command starts on its own.",
                               "실행 중인 nablab 서버가 없습니다. 명령어마다 따로 시작합니다."),
    "daemon.lost": ("nablab: the server's process running this command ended without an exit "
                    "code (it was killed); run the command again.",
                    "nablab: 이 명령어를 실행하던 서버의 프로세스가 종료 코드 없이 끝났습니다"
                    "(강제 종료). 명령어를 다시 실행하세요."),
    "error.daemon_folder": ("{folder} is not a private folder of yours (mode 700), so no "
                            "server is started there",
                            "{folder}{는} 나만 쓰는 비공개 폴더(모드 700)가 아니므로 거기서 "
                            "서버를 시작하지 않습니다"),
    "error.daemon_unsupported": ("this system cannot pass a command's streams to a server "
                                 "(no Unix sockets): run commands without 'nablab daemon'",
                                 "이 시스템은 명령어의 입출력을 서버에 넘길 수 없습니다(유닉스 "
                                 "소켓 없음). 'nablab daemon' 없이 실행하세요"),
    "error.daemon_no_start": ("the nablab server did not answer within {seconds} s",
                              "nablab 서버가 {seconds}초 안에 응답하지 않았습니다"),
}
