"""The parts a process needs, built once from the configuration: store, files, knowledge base,
conversations, outbound WeChat client, job runner. Shared by the web app, the worker and the CLI."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from bot.applicant.applications import Applications
from bot.config import Config, from_env
from bot.applicant.conversation import Conversations
from bot.applicant.effects import Effects
from bot.applicant.upload_links import UploadLinks
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
    def kb(self) -> Any:
        from knowledge import load_default

        return load_default().linked_under(self.config.public_url)  # a sample's answer carries its link

    @cached_property
    def applications(self) -> Applications:
        applications = Applications(self.store)
        applications.listeners.append(self.outbox.on_history_entry)
        return applications

    @cached_property
    def outbox(self) -> Any:
        from bot.background.outbox import Outbox

        return Outbox(self)

    @cached_property
    def upload_links(self) -> UploadLinks:
        return UploadLinks(self.config.secret_key, self.config.public_url)

    @cached_property
    def conversations(self) -> Conversations:
        effects = Effects(self.store, applications=self.applications, jobs=self.jobs, links=self.upload_links)
        return Conversations(self.store, kb=self.kb, effects=effects)

    @cached_property
    def wechat(self) -> Any:
        from bot.wechat.client import make_client

        return make_client(self.config, self.store)

    @cached_property
    def jobs(self) -> Any:
        from bot.background.jobs import jobs_for

        return jobs_for(self)

    def warm_up(self) -> None:
        """Build what the first message would otherwise wait for (the knowledge base takes ~1 s of
        CPU with its segmenter, the understanding step's classifier ~1 s with scikit-learn's import, the
        checklist's rules a YAML parse). Only computation, no connection, thread or socket: gunicorn's
        master calls it once before it binds and forks, so the workers share these pages and are ready
        the moment they exist."""
        from dialogs.checklist import catalogue
        from dialogs.understanding.classifier import trained

        self.kb.ask("闵行的材料寄到哪")
        trained()
        catalogue()

    def after_fork(self) -> None:
        """In a process forked from the one that built this runtime: forget the parts that hold
        connections, sockets or threads (they belong to the parent), then open this process's own
        before the first request needs them, and start its materials workers (~0.3 s each)."""
        from materials import shared_pool

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


def current_runtime() -> Runtime:
    """The runtime of the Flask app serving this request (blueprints reach their parts through it)."""
    from flask import current_app

    return current_app.extensions["runtime"]
