#!/usr/bin/env bash
# Builds a minimal NSIS installer around build/installer.nsh with Debian's makensis and runs it
# under wine, to see the include write C:\ProgramData\Sen\config.json as the app will read it.
# electron-builder's own installer needs downloads (Electron, its NSIS, winCodeSign) that this
# machine cannot make; the include is the part of it that is ours.
#
#   scripts/installer/try-nsis.sh WORKDIR [installer options…]
#   e.g. scripts/installer/try-nsis.sh /tmp/sen-try /S /SERVER=https://sen.example /CODE=ABCD-1234 /D=C:\Sen
#
# WORKDIR receives sen-try.nsi, sen-try-setup.exe and the wine prefix (WORKDIR/prefix, reused
# when present: creating one takes ~30 s). A sen-config.json put in WORKDIR beforehand sits
# beside the installer. Without options it only builds. Prints the config.json path at the end.
#
# The installer is 64-bit (Target amd64-unicode): Debian's wine without i386 multiarch runs only
# 64-bit programs. electron-builder's installer is 32-bit; the include does not depend on it.
# Needs: makensis (apt-get install nsis), wine (apt-get install wine).
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "usage: $0 WORKDIR [installer options…]" >&2
  exit 2
fi
workdir=$(realpath -m "$1")
shift
repo=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$workdir"

cat >"$workdir/payload.txt" <<'PAYLOAD'
Sen: a stand-in for the application files (scripts/installer/try-nsis.sh).
PAYLOAD

cat >"$workdir/sen-try.nsi" <<NSI
Unicode true
Target amd64-unicode
Name "Sen"
OutFile "sen-try-setup.exe"
InstallDir "\$PROGRAMFILES64\\Sen"
RequestExecutionLevel admin
SilentInstall normal
!include "$repo/build/installer.nsh"
Section "Sen"
  SetShellVarContext all
  SetOutPath "\$INSTDIR"
  File "payload.txt"
  !insertmacro customInstall
SectionEnd
NSI

# -WX: warnings are errors, as electron-builder builds it (nsis.warningsAsErrors defaults to true).
(cd "$workdir" && makensis -V2 -WX -INPUTCHARSET UTF8 sen-try.nsi)

if [ $# -eq 0 ]; then
  echo "$workdir/sen-try-setup.exe"
  exit 0
fi

export WINEPREFIX="$workdir/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" LANG=C.UTF-8
if [ ! -d "$WINEPREFIX/drive_c" ]; then wineboot --init >/dev/null 2>&1; fi
wine "$workdir/sen-try-setup.exe" "$@"
# The installer returns at once when it relaunches itself; wait for every program in the prefix.
wineserver -w
echo "$WINEPREFIX/drive_c/ProgramData/Sen/config.json"
