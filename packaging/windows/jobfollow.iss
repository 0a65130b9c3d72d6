; Inno Setup 6 script for jobfollow: a per-user installer (no administrator rights) around the PyInstaller bundle.
;
;   pyinstaller --noconfirm packaging/jobfollow.spec          (makes dist\jobfollow\jobfollow.exe)
;   iscc packaging\windows\jobfollow.iss                       (makes dist\jobfollow-<version>-windows-x64-setup.exe)
;
; The version is read from jobfollow.exe (the spec stamps it from jobfollow.__version__); /DAppVersion=x.y.z overrides.
; The numeric file version (1.0.0rc1 -> 1.0.0.30100, packaging/windows/file_version.py) is read from the same file.
; Signing: iscc /DSign "/Sjfsign=<signtool command> $f" signs the setup and its uninstaller (see release.yml).
; The user's data (%APPDATA%\jobfollow) is never installed, touched or removed by this installer.

#define AppName "jobfollow"
#define AppExe "jobfollow.exe"
#define Root AddBackslash(SourcePath) + "..\.."
#ifndef BundleDir
  #define BundleDir Root + "\dist\jobfollow"
#endif
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(BundleDir + "\" + AppExe, "ProductVersion")
#endif
#if AppVersion == ""
  #error Cannot read the version from jobfollow.exe: build the bundle first or pass /DAppVersion=x.y.z
#endif
#ifndef FileVersion
  #define FileVersion GetVersionNumbersString(BundleDir + "\" + AppExe)
#endif

[Setup]
; Never change the AppId: it is how an upgrade finds the installed copy (and how Windows lists one program, not two).
AppId={{7CB86F64-1750-41C4-AAB7-5BE513532DCA}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The jobfollow team
AppComments=Offline companion for the weeks after a job interview
; Four numbers only (a version like 1.0.0rc1 stopped the compiler): the spec stamps them into jobfollow.exe.
VersionInfoVersion={#FileVersion}
VersionInfoTextVersion={#AppVersion}
VersionInfoProductName={#AppName}
; Per user: installs into %LOCALAPPDATA%\Programs\jobfollow, Start menu and Run key of this user only.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
UsePreviousTasks=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Windows 10 1809 (build 17763): the oldest Windows that Qt 6 supports.
MinVersion=10.0.17763
OutputDir={#Root}\dist
OutputBaseFilename=jobfollow-{#AppVersion}-windows-x64-setup
SetupIconFile={#Root}\packaging\icons\jobfollow.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
; A running jobfollow holds this mutex (jobfollow/installer_mutex.py): setup and uninstall ask to close it first,
; and the Restart Manager closes whatever still has files of {app} open.
AppMutex=jobfollow.running
CloseApplications=force
CloseApplicationsFilter=*.exe,*.dll,*.pyd
RestartApplications=no
SetupLogging=yes
; No language dialog: the setup speaks the language of Windows' display language (English when it has none of ours).
ShowLanguageDialog=no
LanguageDetectionMethod=uilanguage
#ifdef Sign
; Authenticode for the setup and the uninstaller (the workflow signs jobfollow.exe and its DLLs before this).
SignTool=jfsign
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[CustomMessages]
english.StartAtLogin=Start jobfollow in the background when I sign in to Windows
german.StartAtLogin=jobfollow bei der Anmeldung an Windows im Hintergrund starten
french.StartAtLogin=Lancer jobfollow en arrière-plan à l'ouverture de session Windows
spanish.StartAtLogin=Iniciar jobfollow en segundo plano al iniciar sesión en Windows
english.Reminders=Reminders:
german.Reminders=Erinnerungen:
french.Reminders=Rappels :
spanish.Reminders=Recordatorios:

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "startatlogin"; Description: "{cm:StartAtLogin}"; GroupDescription: "{cm:Reminders}"; Flags: unchecked

[InstallDelete]
; An upgrade must not mix the old bundle's libraries with the new ones: remove the old _internal first.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "Follow up on your job interviews"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
; Start at login belongs to the program (Preferences > Start at login writes HKCU\...\Run\jobfollow). The box only
; asks the program to turn it on, keeping the profile the user chose in the app; unticked, it changes nothing, so
; an upgrade never removes what the user turned on (jobfollow/autostart.py, tests/commands/test_autostart_owner.py).
Filename: "{app}\{#AppExe}"; Parameters: "start-at-login on"; Flags: runhidden waituntilterminated; Tasks: startatlogin
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
; Removing the program removes its login entry (an entry pointing at a deleted program would fail at every login).
Filename: "{app}\{#AppExe}"; Parameters: "start-at-login off"; Flags: runhidden waituntilterminated; RunOnceId: "StartAtLoginOff"

[UninstallDelete]
; Only the program folder: the profile (%APPDATA%\jobfollow, or JOBFOLLOW_HOME) belongs to the user and stays.
Type: filesandordirs; Name: "{app}\_internal"
Type: dirifempty; Name: "{app}"
