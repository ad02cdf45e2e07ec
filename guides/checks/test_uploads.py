"""Proofs for 'File Upload Security' (CLAUDE-validation.md): module upload_pipeline."""

from __future__ import annotations

import importlib.util
import io
import socket
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image, PngImagePlugin

from guidekit import asgi_client, guide_module

upload_pipeline = guide_module("upload_pipeline")

# Which detector the installed environment gives; it is part of the test ids, so the run
# says which path ran (libmagic where libmagic1 is installed, else the signature table).
DETECTOR = upload_pipeline.detector()
EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


def image(size: tuple[int, int], fmt: str = "PNG", mode: str = "RGB", **save: Any) -> bytes:
    buf = io.BytesIO()
    Image.new(mode, size).save(buf, fmt, **save)
    return buf.getvalue()


PNG, JPEG = image((8, 8)), image((8, 8), "JPEG")
PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
PHP = b"<?php system($_GET['cmd']); ?>\n"


class NullScanner:
    """Stands in for clamd where the scan is not the point of the check."""

    async def scan_file(self, path: Path) -> str | None:
        return None


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def use_signatures(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "forced-signatures":
        monkeypatch.setattr(upload_pipeline, "magic", None)  # as if libmagic were missing
    return upload_pipeline.detector()


@pytest.mark.parametrize(
    "use_signatures", [f"installed-{DETECTOR}", "forced-signatures"], indirect=True
)
def test_type_comes_from_content(use_signatures: str) -> None:
    print(f"MIME detector: {use_signatures}")
    assert upload_pipeline.detect_mime(PNG) == "image/png"
    assert upload_pipeline.detect_mime(JPEG) == "image/jpeg"
    assert upload_pipeline.detect_mime(PDF) == "application/pdf"
    for hostile in (PHP, b"MZ\x90\x00" + b"\x00" * 60, b"<svg onload=alert(1)>", b""):
        assert upload_pipeline.detect_mime(hostile) not in upload_pipeline.ALLOWED


def test_python_magic_without_libmagic_raises_importerror() -> None:
    """The guide's `except ImportError` must be what python-magic raises without libmagic."""
    if importlib.util.find_spec("magic") is None:
        pytest.skip("python-magic is not installed: the guide's fallback covers that too")
    program = (
        "import ctypes, ctypes.util\n"
        "ctypes.util.find_library = lambda name: None\n"
        "def no_lib(*a, **k): raise OSError('libmagic.so.1: cannot open shared object file')\n"
        "ctypes.CDLL = no_lib\n"
        "try:\n    import magic\nexcept ImportError:\n    print('ImportError')\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert result.stdout.strip() == "ImportError", result.stderr


def test_display_name_is_never_a_path() -> None:
    name = upload_pipeline.display_name
    assert name("../../etc/passwd") == "passwd"
    assert name("C:\\fakepath\\holiday.png") == "holiday.png"
    assert name("résumé 2025.pdf") == "resume_2025.pdf"
    assert name("ｅｖｉｌ．ｐｈｐ") == "evil.php"  # fullwidth characters normalise to ASCII
    assert name("...") == "file" and name(".htaccess") == "htaccess"


def test_reencoding_drops_metadata_and_appended_payloads(tmp_path: Path) -> None:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "tracking-id")
    exif = Image.Exif()
    exif[0x010E] = "home address"
    path = tmp_path / "x"
    path.write_bytes(image((16, 16), pnginfo=info, exif=exif.tobytes()) + b"<?php echo 1; ?>")
    upload_pipeline.reencode_image(path, "PNG")
    data = path.read_bytes()
    assert b"<?php" not in data and b"tracking-id" not in data and b"home address" not in data


def test_decompression_bomb_is_refused_before_decoding(tmp_path: Path) -> None:
    bomb = image((8000, 6000), mode="1")  # 48 Mpx in a few KB; under Pillow's own limit
    assert len(bomb) < 50_000
    path = tmp_path / "bomb.png"
    path.write_bytes(bomb)
    with pytest.raises(upload_pipeline.Rejected, match="too large"):
        upload_pipeline.reencode_image(path, "PNG")


def test_truncated_image_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cut.png"
    path.write_bytes(image((64, 64))[:-30])
    with pytest.raises(upload_pipeline.Rejected):
        upload_pipeline.reencode_image(path, "PNG")


async def test_clamd_flags_eicar_and_fails_closed(clamd: Any, tmp_path: Path) -> None:
    scanner = upload_pipeline.Clamd(port=clamd.port, timeout=5)
    clean, infected = tmp_path / "clean", tmp_path / "eicar"
    clean.write_bytes(b"harmless\n" * 20_000)  # several INSTREAM chunks
    infected.write_bytes(EICAR)
    assert await scanner.scan_file(clean) is None
    assert await scanner.scan_file(infected) == "Eicar-Test-Signature"
    with pytest.raises(upload_pipeline.ScannerUnavailable):
        await upload_pipeline.Clamd(port=closed_port(), timeout=2).scan_file(clean)


async def post_file(client: httpx.AsyncClient, name: str, data: bytes) -> httpx.Response:
    return await client.post("/files", files={"file": (name, data, "image/png")})


async def test_good_upload_is_stored_under_a_random_name(clamd: Any, tmp_path: Path) -> None:
    app = upload_pipeline.create_app(tmp_path, upload_pipeline.Clamd(port=clamd.port))
    async with asgi_client(app) as client:
        r = await post_file(client, "../../etc/Holiday Pic.png", image((32, 32)))
        assert r.status_code == 201, r.text
        meta = r.json()
        assert meta["name"] == "Holiday_Pic.png" and meta["mime"] == "image/png"
        stored = next((tmp_path / "storage").rglob(f"{meta['id']}.png"))
        assert stored.stat().st_mode & 0o777 == 0o600
        assert (await post_file(client, "shell.png", PHP)).status_code == 415
        assert (await post_file(client, "photo.pdf", PNG)).status_code == 415
        r = await client.post("/files", files={"file": ("doc.pdf", b"%PDF-1.4\n" + EICAR)})
        assert r.status_code == 422 and "malware" in r.text
    assert not any((tmp_path / "quarantine").iterdir())  # every path cleaned up


async def test_scanner_down_means_refused(tmp_path: Path) -> None:
    app = upload_pipeline.create_app(tmp_path, upload_pipeline.Clamd(port=closed_port()))
    async with asgi_client(app) as client:
        assert (await post_file(client, "a.png", PNG)).status_code == 503
    assert not any((tmp_path / "storage").rglob("*.png"))


async def test_bomb_upload_is_refused(tmp_path: Path) -> None:
    app = upload_pipeline.create_app(tmp_path, NullScanner())
    async with asgi_client(app) as client:
        r = await post_file(client, "bomb.png", image((8000, 6000), mode="1"))
        assert r.status_code == 422 and "too large" in r.text


async def test_file_over_the_per_file_limit_is_refused(tmp_path: Path) -> None:
    # Under the request limit, over the file limit: only the chunk counter can catch it.
    data = PNG + b"\0" * (upload_pipeline.MAX_FILE_BYTES + 1000 - len(PNG))
    assert len(data) + 1000 < upload_pipeline.MAX_REQUEST_BYTES
    app = upload_pipeline.create_app(tmp_path, NullScanner())
    async with asgi_client(app) as client:
        r = await post_file(client, "big.png", data)
        assert r.status_code == 413, r.text
    assert not any((tmp_path / "quarantine").iterdir())


async def test_request_limit_holds_with_and_without_content_length(tmp_path: Path) -> None:
    # A small valid file plus a huge extra part the endpoint never reads: without the
    # middleware, the parser would spool all of it to disk and the upload would succeed.
    junk = b"0" * (upload_pipeline.MAX_REQUEST_BYTES + 1)
    app = upload_pipeline.create_app(tmp_path, NullScanner())
    async with asgi_client(app) as client:
        files = {"file": ("a.png", PNG, "image/png"), "junk": ("j.bin", junk)}
        assert (await client.post("/files", files=files)).status_code == 413

        async def chunked() -> AsyncIterator[bytes]:  # no Content-Length, like a lying client
            yield (
                b'--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n'
                b"Content-Type: image/png\r\n\r\n" + PNG + b"\r\n--x\r\n"
                b'Content-Disposition: form-data; name="junk"; filename="j"\r\n\r\n'
            )
            for _ in range(40):
                yield b"0" * upload_pipeline.CHUNK
            yield b"\r\n--x--\r\n"

        headers = {"content-type": "multipart/form-data; boundary=x"}
        r = await client.post("/files", content=chunked(), headers=headers)
        assert r.status_code == 413, r.status_code
