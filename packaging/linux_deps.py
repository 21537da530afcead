"""What a one-folder Linux bundle needs from the system, as a Debian ``Depends:`` value.

    python3 packaging/linux_deps.py dist/haizhu-reader [--extra "fonts-wqy-microhei | ..."]

Prints the Depends value on stdout and a report on stderr: the glibc floor (the
highest ``GLIBC_x.y`` symbol version any bundled ELF file references, and which
file), and each library the bundle links but does not carry, with the package
that provides it here.

How: every ELF file's NEEDED entries (``objdump -p``) minus the libraries in the
bundle are what the system must provide. ``dpkg-shlibdeps`` turns them into
versioned package dependencies from Debian's symbols files; its answer is then
narrowed to the packages of those libraries (it would also name packages for
libraries the bundle carries, because the build machine has copies of them).
Runs with the system Python; needs binutils and dpkg-dev.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

GLIBC = re.compile(rb"GLIBC_(\d+)\.(\d+)(?:\.(\d+))?")
ELF_MAGIC = b"\x7fELF"


@dataclass
class Bundle:
    root: Path
    elf_files: list[Path] = field(default_factory=list)
    carried: set[str] = field(default_factory=set)

    @classmethod
    def scan(cls, root: Path) -> Bundle:
        b = cls(root)
        for path in sorted(root.rglob("*")):
            if path.is_symlink() or path.is_file():
                b.carried.add(path.name)
            if path.is_file() and not path.is_symlink():
                with path.open("rb") as f:
                    if f.read(4) == ELF_MAGIC:
                        b.elf_files.append(path)
        return b

    def lib_dirs(self) -> list[Path]:
        return sorted({p.parent for p in self.elf_files if ".so" in p.name})


def needed(path: Path) -> list[str]:
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, check=True, text=True)
    return [ln.split()[1] for ln in out.stdout.splitlines() if ln.strip().startswith("NEEDED")]


def glibc_floor(files: list[Path]) -> tuple[tuple[int, ...], Path | None]:
    """The highest GLIBC_ version referenced by any file's dynamic symbols, and the file."""
    best: tuple[int, ...] = (0,)
    where: Path | None = None
    for path in files:
        out = subprocess.run(["objdump", "-T", str(path)], capture_output=True, check=False)
        for m in GLIBC.finditer(out.stdout):
            version = tuple(int(g) for g in m.groups() if g is not None)
            if version > best:
                best, where = version, path
    return best, where


def multiarch() -> str:
    out = subprocess.run(
        ["dpkg-architecture", "-qDEB_HOST_MULTIARCH"], capture_output=True, check=True, text=True
    )
    return out.stdout.strip()


def package_of(soname: str, triplet: str) -> str | None:
    for d in (f"/lib/{triplet}", f"/usr/lib/{triplet}", "/lib", "/usr/lib"):
        run = subprocess.run(
            ["dpkg", "-S", f"{d}/{soname}"], capture_output=True, check=False, text=True
        )
        if run.returncode == 0 and run.stdout:
            return run.stdout.split(":", 1)[0].split(",")[0].strip()
    return None


def shlibdeps(bundle: Bundle) -> dict[str, str]:
    """package -> its dependency clause (``libc6 (>= 2.35)``) from dpkg-shlibdeps."""
    with tempfile.TemporaryDirectory() as tmp:
        debian = Path(tmp) / "debian"
        debian.mkdir()
        (debian / "control").write_text(
            "Source: haizhu-reader\n\nPackage: haizhu-reader\nArchitecture: any\n"
        )
        cmd = ["dpkg-shlibdeps", "-O", "--ignore-missing-info", "--warnings=0"]
        cmd += [f"-l{d}" for d in bundle.lib_dirs()]
        cmd += [str(p) for p in bundle.elf_files]
        out = subprocess.run(cmd, cwd=tmp, capture_output=True, check=True, text=True).stdout
    value = out.split("shlibs:Depends=", 1)[1].strip() if "shlibs:Depends=" in out else ""
    clauses: dict[str, str] = {}
    for clause in filter(None, (c.strip() for c in value.split(","))):
        clauses[clause.split()[0]] = clause
    return clauses


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Depends: for a one-folder bundle")
    p.add_argument("bundle", type=Path)
    p.add_argument("--extra", action="append", default=[], help="another Depends clause")
    args = p.parse_args(argv)

    bundle = Bundle.scan(args.bundle)
    system: dict[str, list[str]] = {}
    for path in bundle.elf_files:
        for soname in needed(path):
            if soname not in bundle.carried:
                system.setdefault(soname, []).append(str(path.relative_to(bundle.root)))

    floor, where = glibc_floor(bundle.elf_files)
    floor_text = ".".join(map(str, floor))
    rel = where.relative_to(bundle.root) if where else "-"
    print(f"glibc floor: {floor_text} (highest GLIBC_ symbol version, in {rel})", file=sys.stderr)

    triplet = multiarch()
    packages: dict[str, list[str]] = {}
    missing: list[str] = []
    for soname in sorted(system):
        pkg = package_of(soname, triplet)
        if pkg is None:
            missing.append(soname)
            continue
        packages.setdefault(pkg, []).append(soname)
    for pkg, sonames in sorted(packages.items()):
        print(f"  from the system: {pkg:<22} {' '.join(sonames)}", file=sys.stderr)
    if missing:
        print(f"linux_deps: no package here provides {', '.join(missing)}", file=sys.stderr)
        return 1

    versioned = shlibdeps(bundle)
    clauses = [versioned.get(pkg, pkg) for pkg in sorted(packages)]
    # libc6 carries the floor measured above when it is higher than what the
    # symbols files say (they can lag behind for private symbols).
    libc = next((i for i, c in enumerate(clauses) if c.split()[0] == "libc6"), None)
    if libc is not None:
        m = re.search(r"\(>= ([\d.]+)", clauses[libc])
        declared = tuple(int(x) for x in m.group(1).split(".")) if m else (0,)
        if floor > declared:
            clauses[libc] = f"libc6 (>= {floor_text})"
    print(", ".join(clauses + args.extra))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
