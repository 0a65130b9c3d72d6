; Inno Setup 6 script for jobfollow: a per-user installer (no administrator rights) around the PyInstaller bundle.
;
;   pyinstaller --noconfirm packaging/jobfollow.spec          (makes dist\jobfollow\jobfollow.exe)
;   iscc packaging\windows\jobfollow.iss                       (makes dist\jobfollow-<version>-windows-x64-setup.exe)
;
; The version is read from jobfollow.exe (the spec stamps it from jobfollow.__version__); /DAppVersion=x.y.z overrides.
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

[Setup]
; Never change the AppId: it is how an upgrade finds the installed copy (and how Windows lists one program, not two).
AppId={{7CB86F64-1750-41C4-AAB7-5BE513532DCA}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The jobfollow team
AppComments=Offline companion for the weeks after a job interview
VersionInfoVersion={#AppVersion}
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
MinVersion=10.0
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

[Registry]
; Start at login, hidden in the tray (--minimized). Unticking the task on an upgrade removes the old value.
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "{#AppName}"; ValueData: """{app}\{#AppExe}"" --minimized"; Flags: uninsdeletevalue; Tasks: startatlogin
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: none; ValueName: "{#AppName}"; Flags: deletevalue uninsdeletevalue; Tasks: not startatlogin

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder: the profile (%APPDATA%\jobfollow, or JOBFOLLOW_HOME) belongs to the user and stays.
Type: filesandordirs; Name: "{app}\_internal"
Type: dirifempty; Name: "{app}"
