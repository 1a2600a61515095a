"""Fast failure when a DataLoader worker dies, as torch's SIGCHLD handler gives: while workers
run, a SIGCHLD handler in the main thread checks the registered worker pids (without reaping
them) and raises RuntimeError for one that exited with an error or was killed. The exception
interrupts the main process wherever it is, typically a wait on the result queue, which then
reports the dead worker. Without the handler (not the main thread, or no SIGCHLD) a dead
worker is still found by the periodic liveness check, only later."""

import os
import signal
import threading

_worker_pids = {}  # iterator id -> tuple of worker pids
_handler_installed = False
_previous_handler = None


def _death_message(pid, info):
    if info.si_code == os.CLD_EXITED and info.si_status != 0:
        return (
            f"DataLoader worker (pid {pid}) exited unexpectedly with exit code "
            f"{info.si_status}. Details are lost due to multiprocessing. Rerunning with "
            "num_workers=0 may give better error trace."
        )
    if info.si_code in (os.CLD_KILLED, os.CLD_DUMPED):
        message = f"DataLoader worker (pid {pid}) is killed by signal: "
        message += f"{signal.strsignal(info.si_status)}. "
        if info.si_status == signal.SIGBUS:
            message += (
                "It is possible that dataloader's workers are out of shared memory. "
                "Please try to raise your shared memory limit."
            )
        return message
    return None


def _error_if_any_worker_fails():
    flags = os.WEXITED | os.WNOHANG | os.WNOWAIT
    for key, pids in list(_worker_pids.items()):
        for pid in pids:
            try:
                info = os.waitid(os.P_PID, pid, flags)
            except ChildProcessError:
                continue
            message = _death_message(pid, info) if info is not None else None
            if message:
                del _worker_pids[key]  # report a pass's failure once
                raise RuntimeError(message)


def _on_sigchld(signum, frame):
    _error_if_any_worker_fails()
    if callable(_previous_handler):
        _previous_handler(signum, frame)


def set_worker_pids(key, pids):
    """Watches `pids` (a pass's workers) and installs the handler once, where possible."""
    global _handler_installed, _previous_handler
    _worker_pids[key] = tuple(pids)
    if _handler_installed or not hasattr(signal, "SIGCHLD") or not hasattr(os, "waitid"):
        return
    if threading.current_thread() is not threading.main_thread():
        return
    previous = signal.getsignal(signal.SIGCHLD)
    if previous in (signal.SIG_DFL, signal.SIG_IGN, None) or callable(previous):
        _previous_handler = previous
        signal.signal(signal.SIGCHLD, _on_sigchld)
        _handler_installed = True


def remove_worker_pids(key):
    _worker_pids.pop(key, None)
