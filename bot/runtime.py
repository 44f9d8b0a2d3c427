"""The parts a process needs, built once from the configuration: store, knowledge base,
conversations, files, outbound WeChat client. Shared by the web app, the worker and the CLI."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from bot.config import Config
from bot.conversation import Conversations
from storage import Store, open_store


@dataclass
class Runtime:
    config: Config

    @cached_property
    def store(self) -> Store:
        self.config.data_dir.mkdir(parents=True, exist_ok=True)
        return open_store(self.config.store_url)

    @cached_property
    def kb(self):
        from knowledge import load_default

        return load_default()

    @cached_property
    def conversations(self) -> Conversations:
        return Conversations(self.store, kb=self.kb)

    def close(self) -> None:
        if "store" in self.__dict__:
            self.store.close()
