"""Uploaded files on disk, named by the SHA-256 of their content."""
from __future__ import annotations

import hashlib

import pytest

from storage.files import FileStore

PDF = b"%PDF-1.7\n% a material\n%%EOF\n"
SHA = hashlib.sha256(PDF).hexdigest()


@pytest.fixture
def files(tmp_path) -> FileStore:
    return FileStore(tmp_path / "files")


def test_put_returns_the_sha256_and_the_file_reads_back(files):
    assert files.put(PDF) == SHA
    assert files.read(SHA) == PDF
    with files.open(SHA) as handle:
        assert handle.read() == PDF
    assert files.exists(SHA)


def test_a_file_lives_under_two_levels_named_by_its_hash(files, tmp_path):
    files.put(PDF)

    assert files.path(SHA) == tmp_path / "files" / SHA[:2] / SHA[2:4] / SHA
    assert files.path(SHA).read_bytes() == PDF


def test_storing_the_same_content_twice_keeps_one_file(files):
    first_sha = files.put(PDF)
    written = files.path(SHA).stat().st_mtime_ns

    assert files.put(PDF) == first_sha
    assert files.path(SHA).stat().st_mtime_ns == written
    assert [p.name for p in (files.root).rglob("*") if p.is_file()] == [SHA]


def test_no_temporary_file_is_left_behind(files):
    files.put(PDF)
    files.put(b"another")

    assert not [p for p in files.root.rglob(".incoming-*")]


def test_an_empty_file_is_stored_like_any_other(files):
    sha = files.put(b"")

    assert files.read(sha) == b""


def test_delete_removes_the_file_and_says_whether_it_was_there(files):
    files.put(PDF)

    assert files.delete(SHA) is True
    assert not files.exists(SHA)
    assert files.delete(SHA) is False


def test_reading_a_missing_file_raises_file_not_found(files):
    with pytest.raises(FileNotFoundError):
        files.read(SHA)
    assert files.exists(SHA) is False


@pytest.mark.parametrize("bad", [
    "../../etc/passwd",
    "../" + SHA[3:],
    SHA[:63],
    SHA + "0",
    SHA.upper(),
    SHA[:62] + "/x",
    SHA + "\n",
    "",
])
def test_a_name_that_is_not_a_sha256_is_refused_everywhere(files, bad):
    for operation in (files.path, files.read, files.open, files.exists, files.delete):
        with pytest.raises(ValueError):
            operation(bad)
