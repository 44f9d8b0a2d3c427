"""The parts a process needs, built once from the configuration: store, files, knowledge base,
conversations, outbound WeChat client, job runner. Shared by the web app, the worker and the CLI."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from flask import current_app

from bot.applicant.applications import Applications
from bot.applicant.conversation import Conversations
from bot.applicant.effects import Effects
from bot.applicant.upload_links import UploadLinks
from bot.background import tasks
from bot.background.jobs import Jobs, jobs_for
from bot.background.outbox import Outbox
from bot.config import Config, from_env
from bot.desk import labels, support
from bot.wechat.client import WeChatAPI, make_client
from dialogs.checklist import catalogue
from dialogs.understanding.classifier import trained
from knowledge import KnowledgeBase, load_default
from materials import shared_pool
from storage import Store, open_store
from storage.files import FileStore

log = logging.getLogger(__name__)


@dataclass
class Runtime:
    config: Config

    @cached_property
    def store(self) -> Store:
        self.config.data_dir.mkdir(parents=True, exist_ok=True)
        if self.config.data_key is None:
            log.warning("DATA_KEY is not set: personal data is encrypted with a development key anyone "
                        "can derive. Set DATA_KEY (python -m bot data key) before real applicants use this "
                        "deployment; data written under the development key cannot be read under DATA_KEY.")
        return open_store(self.config.store_url, data_key=self.config.encryption_key)

    @cached_property
    def files(self) -> FileStore:
        return FileStore(self.config.data_dir / "files")

    @cached_property
    def kb(self) -> KnowledgeBase:
        return load_default().linked_under(self.config.public_url)  # a sample's answer carries its link

    @cached_property
    def applications(self) -> Applications:
        applications = Applications(self.store)
        applications.listeners.append(self.outbox.on_history_entry)
        return applications

    @cached_property
    def outbox(self) -> Outbox:
        # The client and the runner are read when used: a test may replace either on the runtime.
        return Outbox(self.store, client=lambda: self.wechat, enqueue=self.enqueue,
                      template_id=self.config.wechat_template_status,
                      lease_seconds=self.config.outbox_lease_seconds)

    @cached_property
    def upload_links(self) -> UploadLinks:
        return UploadLinks(self.config.secret_key, self.config.public_url)

    @cached_property
    def conversations(self) -> Conversations:
        effects = Effects(self.store, applications=self.applications, enqueue=self.enqueue, links=self.upload_links,
                          files=self.files, dispute_taken_back=self.close_dispute_taken_back)
        return Conversations(self.store, kb=self.kb, effects=effects)

    def close_dispute_taken_back(self, user_id: str) -> None:
        """The applicant took back their report of 申办信息有误 and confirmed: the escalation it opened is closed by the
        system when it held nothing else for a person (as when staff decide the dispute), else the withdrawal noted."""
        taken_back = {reason: labels.DISPUTE_TAKEN_BACK for reason in support.DISPUTE_ANSWERED}
        support.close_answered(self.store, user_id, taken_back)

    @cached_property
    def wechat(self) -> WeChatAPI:
        return make_client(self.config, self.store)

    @cached_property
    def jobs(self) -> Jobs:
        return jobs_for(self.config.store_url, run=self.run_job, entry=run_in_worker)

    def enqueue(self, name: str, **kwargs: Any) -> None:
        """Hand a job (:data:`bot.background.tasks.TASKS`) to this process's runner."""
        self.jobs.enqueue(name, **kwargs)

    def run_job(self, name: str, kwargs: dict[str, Any]) -> None:
        """Run a job now, in this thread, with this runtime's parts."""
        tasks.run(self, name, kwargs)

    def warm_up(self) -> None:
        """Build what the first message would otherwise wait for (the knowledge base's index ~0.5 s of
        CPU; the understanding step's classifier and the segmenter's dictionary are loaded from
        JIFEN_CACHE_DIR, or built there, ~5 s, when ``python -m bot prepare`` did not run; the
        checklist's rules a YAML parse). Only computation, no connection, thread or socket: gunicorn's
        master calls it once before it binds and forks, so the workers share these pages and are ready
        the moment they exist."""
        self.kb.ask("闵行的材料寄到哪")
        trained()
        catalogue()

    def after_fork(self) -> None:
        """In a process forked from the one that built this runtime: forget the parts that hold
        connections, sockets or threads (they belong to the parent), then open this process's own
        before the first request needs them, and start its materials workers (~0.3 s each)."""
        for name in ("store", "jobs", "conversations", "applications", "outbox", "wechat"):
            self.__dict__.pop(name, None)
        self.conversations  # noqa: B018 - opens the store in this process
        shared_pool().start()

    def close(self) -> None:
        for name in ("jobs", "store"):
            if name in self.__dict__:
                self.__dict__[name].close()


_process_runtime: Runtime | None = None


def process_runtime() -> Runtime:
    """This process's runtime, from the environment (RQ workers and CLI commands)."""
    global _process_runtime
    if _process_runtime is None:
        _process_runtime = Runtime(from_env())
    return _process_runtime


def run_in_worker(name: str, kwargs: dict[str, Any]) -> None:
    """Entry point for RQ workers: run a job with this worker process's runtime."""
    process_runtime().run_job(name, kwargs)


def current_runtime() -> Runtime:
    """The runtime of the Flask app serving this request (blueprints reach their parts through it)."""
    return current_app.extensions["runtime"]
