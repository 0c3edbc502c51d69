; Sen's additions to electron-builder's NSIS installer: the PC's config.json, per machine.
;
; Where it goes: C:\ProgramData\Sen\config.json, the first place the app looks
; (electron/main/client-config.ts, clientConfigPaths). Per machine, because the installer runs
; elevated as the IT person while the clinicians sign in to Windows under their own accounts.
;
; What it holds, in order of precedence:
;   1. Options on the installer's command line (a silent install from a USB stick):
;        Sen-Setup.exe /S /SERVER=https://sen.soyte.vn /CODE=ABCD-1234 /NAME="Khoa khám 1" /D=C:\Sen
;      /SERVER= is required for the options to be used; /CODE= and /NAME= are optional. Values run
;      to the next " /" (so unquoted spaces are kept); quotes around a value are removed.
;   2. Else sen-config.json beside the installer (UTF-8, the app's own format), copied as it is.
;   3. Else nothing is written and an existing config.json stays: this is what an update does
;      (electron-updater runs the new installer with /S --updated, without options).
; With an enrollment code and no PC name, the name is the Windows computer name (%COMPUTERNAME%):
; every PC enrolls on first start without typing, and the admins rename them later.
;
; The keys written are the app's (shared/client-config.ts, clientConfigSchema); a unit test
; (test/unit/installer-include.test.ts) checks they match, and scripts/installer/try-nsis.sh
; builds and runs this include under wine.
;
; The file is written as UTF-16LE with a byte order mark: FileWriteUTF16LE is how NSIS writes
; Vietnamese intact, and the app decodes it (decodeConfigFile). It is written beside and then
; renamed over config.json, so a PC never keeps a half-written file.

!include "LogicLib.nsh"
!include "FileFunc.nsh"

!define SEN_CONFIG_DIR "Sen"
!define SEN_CONFIG_FILE "config.json"
!define SEN_BESIDE_FILE "sen-config.json"
!define SEN_OPTION_SERVER "/SERVER="
!define SEN_OPTION_CODE "/CODE="
!define SEN_OPTION_NAME "/NAME="
!define SEN_KEY_SERVER "serverUrl"
!define SEN_KEY_CODE "enrollmentCode"
!define SEN_KEY_NAME "deviceName"

!ifndef BUILD_UNINSTALLER

Var senParams
Var senServer
Var senCode
Var senName
Var senJson

; Pops the option name, then the command line; pushes the option's value, "" when absent.
Function SenReadOption
  Exch $1 ; option, e.g. /SERVER=
  Exch
  Exch $0 ; command line
  Push $2
  Push $3
  Push $4
  Push $5
  Push $6
  Push $7
  StrLen $2 $1
  StrCpy $3 0
  StrCpy $6 ""
  StrCpy $7 0 ; the whole option quoted: "/NAME=Khoa khám 1"
  find:
    StrCpy $4 $0 $2 $3
    StrCmp $4 "" done ; not found (StrCmp ignores case: /server= works too)
    StrCmp $4 $1 0 next
    ; Only at the start, after a space or after an opening quote: /XSERVER= is not /SERVER=.
    ${If} $3 == 0
      Goto found
    ${EndIf}
    IntOp $5 $3 - 1
    StrCpy $5 $0 1 $5
    StrCmp $5 " " found
    StrCmp $5 '"' 0 next
    StrCpy $7 1
    Goto found
  next:
    IntOp $3 $3 + 1
    Goto find
  found:
    IntOp $3 $3 + $2
    StrCpy $0 $0 "" $3 ; from the value on
    StrCpy $3 0
    StrCpy $5 $7 ; inside quotes
  scan:
    StrCpy $4 $0 1 $3
    StrCmp $4 "" cut
    ${If} $4 == '"'
      IntOp $5 1 - $5
    ${ElseIf} $4 == " "
    ${AndIf} $5 == 0
      ; The next option starts: ` /CODE=` or, quoted whole, ` "/CODE=`.
      IntOp $2 $3 + 1
      StrCpy $2 $0 2 $2
      StrCmp $2 '"/' cut
      StrCpy $2 $2 1
      StrCmp $2 "/" cut
    ${EndIf}
    IntOp $3 $3 + 1
    Goto scan
  cut:
    StrCpy $6 $0 $3
  trim:
    StrCpy $4 $6 1 -1
    ${If} $4 == " "
      StrCpy $6 $6 -1
      Goto trim
    ${EndIf}
    StrCpy $4 $6 1
    StrCpy $2 $6 1 -1
    ${If} $7 == 1
    ${AndIf} $2 == '"'
      StrCpy $6 $6 -1
    ${ElseIf} $4 == '"'
    ${AndIf} $2 == '"'
      StrCpy $6 $6 -1 1
    ${EndIf}
  done:
  StrCpy $1 $6
  Pop $7
  Pop $6
  Pop $5
  Pop $4
  Pop $3
  Pop $2
  Pop $0
  Exch $1
FunctionEnd

; Pops the text to find, then the text to search; pushes the position found, "" when absent.
Function SenFind
  Exch $1 ; needle
  Exch
  Exch $0 ; haystack
  Push $2
  Push $3
  Push $4
  StrLen $2 $1
  StrCpy $3 0
  loop:
    StrCpy $4 $0 $2 $3
    StrCmp $4 "" absent
    StrCmpS $4 $1 present
    IntOp $3 $3 + 1
    Goto loop
  absent:
    StrCpy $3 ""
  present:
  StrCpy $1 $3
  Pop $4
  Pop $3
  Pop $2
  Pop $0
  Exch $1
FunctionEnd

; Pops a string; pushes it as a JSON string's contents (backslash and quote escaped; control
; characters cannot come from a command line).
Function SenJsonEscape
  Exch $0
  Push $1
  Push $2
  Push $3
  StrCpy $1 ""
  StrCpy $2 0
  loop:
    StrCpy $3 $0 1 $2
    StrCmp $3 "" end
    ${If} $3 == "\"
      StrCpy $3 "\\"
    ${ElseIf} $3 == '"'
      StrCpy $3 '\"'
    ${EndIf}
    StrCpy $1 "$1$3"
    IntOp $2 $2 + 1
    Goto loop
  end:
  StrCpy $0 $1
  Pop $3
  Pop $2
  Pop $1
  Exch $0
FunctionEnd

; Pops a path; pushes the file's text decoded from UTF-8 (NSIS's FileRead would decode it with
; the ANSI code page and spoil Vietnamese), "" when it cannot be read.
Function SenReadUtf8File
  Exch $0
  Push $1
  Push $2
  Push $3
  Push $4
  StrCpy $4 ""
  FileOpen $1 $0 r
  ${If} $1 != ""
    FileSeek $1 0 END $2
    FileSeek $1 0 SET
    ${If} $2 < ${NSIS_MAX_STRLEN}
      System::Alloc $2
      Pop $3
      System::Call "kernel32::ReadFile(p r1, p r3, i r2, *i 0, p 0) i"
      System::Call "kernel32::MultiByteToWideChar(i 65001, i 0, p r3, i r2, w .r4, i ${NSIS_MAX_STRLEN}) i .r0"
      ; The buffer is not terminated: keep the characters converted, and drop a byte order mark.
      StrCpy $4 $4 $0
      StrCpy $0 $4 1
      ${If} $0 == "${U+FEFF}"
        StrCpy $4 $4 "" 1
      ${EndIf}
      System::Free $3
    ${EndIf}
    FileClose $1
  ${EndIf}
  StrCpy $0 $4
  Pop $4
  Pop $3
  Pop $2
  Pop $1
  Exch $0
FunctionEnd

; Writes $senJson to ProgramData\Sen\config.json through a file beside it.
Function SenWriteConfigFile
  SetShellVarContext all
  CreateDirectory "$APPDATA\${SEN_CONFIG_DIR}"
  StrCpy $0 "$APPDATA\${SEN_CONFIG_DIR}\${SEN_CONFIG_FILE}"
  ClearErrors
  FileOpen $1 "$0.new" w
  FileWriteUTF16LE /BOM $1 $senJson
  FileClose $1
  ${If} ${Errors}
    DetailPrint "Sen: could not write $0"
    Delete "$0.new"
    Return
  ${EndIf}
  Delete $0
  Rename "$0.new" $0
  DetailPrint "Sen: wrote $0"
FunctionEnd

; Saves the registers it uses: electron-builder's install section runs on after it.
Function SenWriteConfig
  Push $0
  Push $1
  Push $2
  Push $3
  Push $4
  ${GetParameters} $senParams
  Push $senParams
  Push "${SEN_OPTION_SERVER}"
  Call SenReadOption
  Pop $senServer
  Push $senParams
  Push "${SEN_OPTION_CODE}"
  Call SenReadOption
  Pop $senCode
  Push $senParams
  Push "${SEN_OPTION_NAME}"
  Call SenReadOption
  Pop $senName
  ReadEnvStr $0 COMPUTERNAME

  ${If} $senServer != ""
    ${If} $senName == ""
    ${AndIf} $senCode != ""
      StrCpy $senName $0
    ${EndIf}
    Push $senServer
    Call SenJsonEscape
    Pop $1
    StrCpy $senJson '{"${SEN_KEY_SERVER}": "$1"'
    ${If} $senCode != ""
      Push $senCode
      Call SenJsonEscape
      Pop $1
      StrCpy $senJson '$senJson, "${SEN_KEY_CODE}": "$1"'
    ${EndIf}
    ${If} $senName != ""
      Push $senName
      Call SenJsonEscape
      Pop $1
      StrCpy $senJson '$senJson, "${SEN_KEY_NAME}": "$1"'
    ${EndIf}
    StrCpy $senJson "$senJson}$\r$\n"
    Call SenWriteConfigFile
  ${ElseIf} ${FileExists} "$EXEDIR\${SEN_BESIDE_FILE}"
    Push "$EXEDIR\${SEN_BESIDE_FILE}"
    Call SenReadUtf8File
    Pop $senJson
    ${If} $senJson == ""
      DetailPrint "Sen: $EXEDIR\${SEN_BESIDE_FILE} is empty, unreadable or too long: not used"
      Goto end
    ${EndIf}
    ; A code without a name: this PC's name goes first in the object.
    Push $senJson
    Push '"${SEN_KEY_CODE}"'
    Call SenFind
    Pop $1
    Push $senJson
    Push '"${SEN_KEY_NAME}"'
    Call SenFind
    Pop $2
    Push $senJson
    Push "{"
    Call SenFind
    Pop $3
    ${If} $1 != ""
    ${AndIf} $2 == ""
    ${AndIf} $3 != ""
      ${If} $senName == ""
        StrCpy $senName $0
      ${EndIf}
      Push $senName
      Call SenJsonEscape
      Pop $1
      IntOp $3 $3 + 1
      StrCpy $2 $senJson $3
      StrCpy $4 $senJson "" $3
      StrCpy $senJson '$2"${SEN_KEY_NAME}": "$1",$4'
    ${EndIf}
    Call SenWriteConfigFile
  ${Else}
    DetailPrint "Sen: no ${SEN_OPTION_SERVER} and no ${SEN_BESIDE_FILE}: the existing configuration is kept"
  ${EndIf}
  end:
  Pop $4
  Pop $3
  Pop $2
  Pop $1
  Pop $0
FunctionEnd

!endif

!macro customInstall
  Call SenWriteConfig
!macroend
