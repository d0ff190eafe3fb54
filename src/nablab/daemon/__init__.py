"""``nablab daemon``: the command line kept warm, for many commands in a row.

A fresh ``nablab`` process spends most of a short command importing SymPy, NumPy, SciPy and
matplotlib. ``nablab daemon start`` starts a server that imports and warms them once; while
it runs, each ``nablab …`` connects to it over a Unix socket in a private folder, hands it
its arguments, working folder, environment and its three standard streams (the descriptors
themselves), and the server forks a copy of itself that runs the command as the process
would have (the same output, bytes and exit code), writing straight to the terminal or pipe.
Mercurial's ``chg`` and ``dmypy`` work this way.

Opt-in and safe to ignore: without a server (or with ``NABLAB_NO_DAEMON=1``) ``nablab``
runs in its own process as always; a server started from other sources (an upgrade, an
edited file) is stale, stops, and the command runs in its own process; a server that dies
leaves a socket nobody answers, and the command runs in its own process. The folder must be
the user's own and private (mode 700), and the server serves only its own user.

The client side (:mod:`nablab.daemon.client`) imports nothing heavy: it runs before the
command line is loaded.
"""
