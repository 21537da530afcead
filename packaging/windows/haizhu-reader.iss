; Inno Setup script for Haizhu Reader (海珠报告阅读器): a per-user installer in
; Chinese (Simplified) and English that needs no administrator rights.
;
; Built by packaging\windows\build.ps1 (on Windows) and packaging/windows/build-wine.sh
; (on Linux, under Wine), which pass:
;   /DAppVersion=0.1.0  /DSourceDir=...\dist\haizhu-reader  /DIconFile=...\haizhu-reader.ico
;   /DChineseIsl=...\ChineseSimplified.isl  /DOutputDir=...\dist
; Needs Inno Setup 6.3 or later (x64compatible); built with 6.4.1 (the npm package
; innosetup, packaging/windows/package.json). Saved as UTF-8 with a BOM so ISCC
; reads the Chinese text correctly.
;
; Silent use (as packaging/windows/smoke-test-wine.sh does):
;   haizhu-reader-VERSION-windows-x64-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;   %LOCALAPPDATA%\Programs\haizhu-reader\unins000.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
; The uninstaller keeps the user's annotations, settings and index
; (%LOCALAPPDATA%\haizhu-reader) unless the user says Yes when asked, or passes
; /DELETEUSERDATA to a silent uninstall.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\haizhu-reader"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\pyinstaller-windows\haizhu-reader\icons\haizhu-reader.ico"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef ChineseIsl
  #define ChineseIsl "ChineseSimplified.isl"
#endif

[Setup]
; A fixed AppId: upgrades replace the same installation.
AppId={{6B0F3C52-8E0B-4D5E-9C1A-3F7A2D9E4B61}
AppName={cm:AppName}
AppVersion={#AppVersion}
AppVerName={cm:AppName} {#AppVersion}
AppPublisher=Haizhu Reader developers
; Per user, no UAC prompt: %LOCALAPPDATA%\Programs\haizhu-reader, the user's Start menu.
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\haizhu-reader
DefaultGroupName={cm:AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 needs Windows 10 or later.
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=haizhu-reader-{#AppVersion}-windows-x64-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\haizhu-reader.exe
UninstallDisplayName={cm:AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage
CloseApplications=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "{#ChineseIsl}"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.AppName=海珠报告阅读器
english.AppName=Haizhu Reader
chinesesimplified.AppComment=离线阅读、检索和批注政府工作报告
english.AppComment=Read, search and annotate government work reports offline
chinesesimplified.DeleteUserData=是否同时删除您的批注、设置和检索索引？%n%n%1%n%n选择“否”将保留它们，重新安装后仍可使用。
english.DeleteUserData=Also delete your annotations, settings and search index?%n%n%1%n%nChoose No to keep them for a later installation.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder app. No "portable" file: an installed copy keeps user
; data in %LOCALAPPDATA%\haizhu-reader (the zip is the portable form).
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{cm:AppName}"; Filename: "{app}\haizhu-reader.exe"; Comment: "{cm:AppComment}"
Name: "{group}\{cm:UninstallProgram,{cm:AppName}}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{cm:AppName}"; Filename: "{app}\haizhu-reader.exe"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\haizhu-reader.exe"; Description: "{cm:LaunchProgram,{cm:AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
// The user's annotations, settings and search index (%LOCALAPPDATA%\haizhu-reader,
// where the app's QStandardPaths put them) are the user's work, not the program's:
// the uninstaller removes them only when asked to.
function DeleteUserDataRequested(): Boolean;
var
  I: Integer;
begin
  Result := False;
  for I := 1 to ParamCount do
    if CompareText(ParamStr(I), '/DELETEUSERDATA') = 0 then
      Result := True;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  DataDir := ExpandConstant('{localappdata}\haizhu-reader');
  if not DirExists(DataDir) then
    Exit;
  if DeleteUserDataRequested() or
     (not UninstallSilent() and
      (MsgBox(FmtMessage(CustomMessage('DeleteUserData'), [DataDir]),
              mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES)) then
    DelTree(DataDir, True, True, True);
end;
