"""DataLoader passes with worker processes, in torch's design: one index queue per worker, one
shared result queue, tasks dealt round-robin with at most `prefetch_factor * num_workers`
outstanding, results re-ordered by task id, iterable datasets retiring workers one by one,
persistent workers resumed with a marker message, and shutdown by a None per index queue."""

import atexit
import itertools
import multiprocessing
import os
import queue

from numtorch.utils.data import _signals
from numtorch.utils.data import worker as _worker
from numtorch.utils.data.dataloader import _BaseDataLoaderIter
from numtorch.utils.data.fetch import _DatasetKind

_python_exiting = False


def _mark_exit():
    global _python_exiting
    _python_exiting = True


atexit.register(_mark_exit)


class _MultiProcessingDataLoaderIter(_BaseDataLoaderIter):
    """Starts `num_workers` processes for the pass (or for the loader's life, when persistent)
    and hands out batches in sampler order (or as they arrive when `in_order=False`)."""

    def __init__(self, loader):
        super().__init__(loader)
        self._prefetch_factor = loader.prefetch_factor
        self._in_order = loader.in_order
        context = loader.multiprocessing_context or multiprocessing.get_context()
        self._worker_init_fn = loader.worker_init_fn
        self._worker_result_queue = context.Queue()
        self._workers_done_event = context.Event()
        self._shutdown = False
        # A forked worker inherits this object; only the process that made it shuts it down.
        self._owner_pid = os.getpid()
        self._index_queues = []
        self._workers = []
        for worker_id in range(self._num_workers):
            index_queue = context.Queue()
            index_queue.cancel_join_thread()
            process = context.Process(
                target=_worker._worker_loop,
                args=(
                    self._dataset_kind,
                    self._dataset,
                    index_queue,
                    self._worker_result_queue,
                    self._workers_done_event,
                    self._auto_collation,
                    self._collate_fn,
                    self._drop_last,
                    self._base_seed,
                    self._worker_init_fn,
                    worker_id,
                    self._num_workers,
                    self._persistent_workers,
                ),
                daemon=True,
            )
            process.start()
            self._index_queues.append(index_queue)
            self._workers.append(process)
        self._data_queue = self._worker_result_queue
        _signals.set_worker_pids(id(self), [w.pid for w in self._workers])
        self._worker_pids_set = True
        self._reset(loader, first_iter=True)

    def _reset(self, loader, first_iter=False):
        super()._reset(loader, first_iter)
        self._send_idx = 0  # id of the next task to send
        self._rcvd_idx = 0  # id of the next task to hand out
        # task id -> (worker id,) while outstanding, (worker id, data) once arrived early
        self._task_info = {}
        self._tasks_outstanding = 0
        self._workers_status = [True] * self._num_workers
        self._workers_num_tasks = [0] * self._num_workers
        self._worker_queue_idx_cycle = itertools.cycle(range(self._num_workers))
        if not first_iter:
            for index_queue in self._index_queues:
                index_queue.put(_worker._ResumeIteration())
            waiting = self._num_workers
            while waiting > 0:
                task_id, _ = self._get_data()
                if isinstance(task_id, _worker._ResumeIteration):
                    waiting -= 1
        for _ in range(self._prefetch_factor * self._num_workers):
            self._try_put_index()

    def _try_get_data(self, timeout=_worker.MP_STATUS_CHECK_INTERVAL):
        """(True, message) from the result queue, or (False, None) after `timeout`; raises when
        a worker has died."""
        try:
            return True, self._data_queue.get(timeout=timeout)
        except Exception as error:
            dead = [
                w
                for worker_id, w in enumerate(self._workers)
                if self._workers_status[worker_id] and not w.is_alive()
            ]
            for w in dead:
                self._mark_worker_as_unavailable(self._workers.index(w))
            if dead:
                pids = ", ".join(str(w.pid) for w in dead)
                raise RuntimeError(f"DataLoader worker (pid(s) {pids}) exited unexpectedly") from (
                    error
                )
            if isinstance(error, queue.Empty):
                return False, None
            raise

    def _get_data(self):
        if self._timeout > 0:
            success, data = self._try_get_data(self._timeout)
            if success:
                return data
            raise RuntimeError(f"DataLoader timed out after {self._timeout} seconds")
        while True:
            success, data = self._try_get_data()
            if success:
                return data

    def _next_data(self):
        while True:
            # Skip tasks of workers that retired (iterable dataset exhausted) without data.
            while self._rcvd_idx < self._send_idx:
                info = self._task_info.get(self._rcvd_idx)
                if info:
                    if len(info) == 2 or self._workers_status[info[0]]:
                        break
                    del self._task_info[self._rcvd_idx]
                self._rcvd_idx += 1
            else:
                if not self._persistent_workers:
                    self._shutdown_workers()
                raise StopIteration

            if len(self._task_info[self._rcvd_idx]) == 2:
                worker_id, data = self._task_info.pop(self._rcvd_idx)
                self._rcvd_idx += 1
                return self._process_data(data, worker_id)

            task_id, data = self._get_data()
            self._tasks_outstanding -= 1
            if self._dataset_kind == _DatasetKind.Iterable and isinstance(
                data, _worker._IterableDatasetStopIteration
            ):
                if self._persistent_workers:
                    self._workers_status[data.worker_id] = False
                else:
                    self._mark_worker_as_unavailable(data.worker_id)
                self._try_put_index()
                continue
            if task_id != self._rcvd_idx:
                if not self._in_order:
                    worker_id = self._task_info.pop(task_id)[0]
                    return self._process_data(data, worker_id)
                self._task_info[task_id] += (data,)
            else:
                worker_id = self._task_info.pop(task_id)[0]
                self._rcvd_idx += 1
                return self._process_data(data, worker_id)

    def _try_put_index(self):
        """Sends the sampler's next index to the next active worker (round-robin)."""
        max_tasks = self._prefetch_factor * self._num_workers
        try:
            index = self._next_index()
        except StopIteration:
            return
        for _ in range(self._num_workers):
            worker_id = next(self._worker_queue_idx_cycle)
            if self._workers_status[worker_id]:
                active = sum(self._workers_status)
                if self._in_order or self._workers_num_tasks[worker_id] < max_tasks // active:
                    break
        else:
            return
        self._index_queues[worker_id].put((self._send_idx, index))
        self._task_info[self._send_idx] = (worker_id,)
        self._workers_num_tasks[worker_id] += 1
        self._tasks_outstanding += 1
        self._send_idx += 1

    def _process_data(self, data, worker_id):
        self._workers_num_tasks[worker_id] -= 1
        self._try_put_index()
        if isinstance(data, _worker.ExceptionWrapper):
            data.reraise()
        return data

    def _mark_worker_as_unavailable(self, worker_id, shutdown=False):
        """Tells a worker to stop (None on its index queue) and stops sending it tasks."""
        self._index_queues[worker_id].put(None)
        self._workers_status[worker_id] = False

    def _shutdown_workers(self):
        if _python_exiting or self._shutdown or os.getpid() != self._owner_pid:
            return
        self._shutdown = True
        try:
            self._workers_done_event.set()
            for worker_id in range(len(self._workers)):
                if self._persistent_workers or self._workers_status[worker_id]:
                    self._mark_worker_as_unavailable(worker_id, shutdown=True)
            for w in self._workers:
                w.join(timeout=_worker.MP_STATUS_CHECK_INTERVAL)
            for q in self._index_queues:
                q.cancel_join_thread()
                q.close()
        finally:
            if getattr(self, "_worker_pids_set", False):
                _signals.remove_worker_pids(id(self))
                self._worker_pids_set = False
            for w in self._workers:
                if w.is_alive():
                    w.terminate()
                    w.join(timeout=_worker.MP_STATUS_CHECK_INTERVAL)

    def __del__(self):
        if hasattr(self, "_workers"):
            self._shutdown_workers()
