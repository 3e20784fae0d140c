#Requires -Version 5.1
#Requires -RunAsAdministrator
<#
.SYNOPSIS
  Installs the CCMS Terminal MSI, runs the installed app against the host simulator through the
  Electron smoke test, uninstalls it and reports what the uninstall left behind.

.DESCRIPTION
  The install test of the Windows CI job (.github/workflows/windows.yml); scripts/ci/README.md
  says how to run it by hand. In order:
    1. msiexec /i <msi> /qn (exit code 0 or 3010), then: the installed exe under Program Files,
       the product registered with Windows Installer, the desktop and Start menu shortcuts;
    2. the simulator started in the background (data folder in %TEMP%), waited for on its
       /api/v1/health with TLS checked against its own CA (scripts/ci/wait-for-health.ts);
    3. machine policy written to HKLM\SOFTWARE\Policies\CCMS Terminal Project\CCMS Terminal, the
       value names of build/policy/ccms-terminal.admx: SimulatorUrl,
       AllowedEnvironments = simulator, ExtraCaCertificates = the simulator's CA, LogLevel = debug;
       an existing key is exported first and put back at the end;
    4. test/electron/installed-app.test.ts launched on the installed exe, and fuses.test.ts on its
       binary (CCMS_ELECTRON_EXECUTABLE, CCMS_SMOKE_SIM_URL, CCMS_SMOKE_SIM_CA, CCMS_SMOKE_SIM_DATA);
    5. the app's logs copied, msiexec /x <msi> /qn, then the install folder, the exe, the
       shortcuts and the Windows Installer registration must be gone; per-user data (%APPDATA%,
       %LOCALAPPDATA%) and Credential Manager entries are listed, never deleted;
    6. the policy key removed (or the saved one restored), the simulator stopped, its data deleted.
  Every failure is collected; the script always uninstalls and cleans up, then exits 1 if anything
  failed. It uninstalls CCMS Terminal: run it on a CI runner or a throwaway VM, not on a desk in use.

.PARAMETER Msi
  The MSI to test. Default: the only *.msi in release\ (where `npm run dist` writes it).
.PARAMETER OutDir
  Logs and reports (install.log, uninstall.log, simulator logs, app-logs\, leftovers).
.PARAMETER SimPort
  The simulator's port on 127.0.0.1.

.EXAMPLE
  pwsh -NoProfile -File scripts/ci/windows-install-test.ps1 -OutDir test-results/windows-install
#>
[CmdletBinding()]
param(
  [string]$Msi = '',
  [string]$OutDir = 'test-results/windows-install',
  [int]$SimPort = 7443,
  [int]$HealthTimeoutSec = 120,
  # electron-builder.yml's executableName, msi.shortcutName and productName (the app data folder).
  [string]$ExeName = 'ccms-terminal.exe',
  [string]$ShortcutName = 'CCMS Terminal',
  [string]$AppDataName = 'CCMS Terminal'
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

if ([Environment]::OSVersion.Platform -ne [PlatformID]::Win32NT) {
  throw 'windows-install-test.ps1 runs on Windows only (msiexec, HKLM policy, Program Files).'
}
# A 32-bit PowerShell would see Program Files (x86) and the WOW6432Node policy view, not the
# 64-bit ones the x64 app uses.
if (-not [Environment]::Is64BitProcess) { throw 'run it from a 64-bit PowerShell.' }

$RepoRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '..\..')).Path
Set-Location -LiteralPath $RepoRoot
# Combine (not Join-Path) so an absolute -OutDir stays as given.
$OutDir = [IO.Path]::GetFullPath([IO.Path]::Combine($RepoRoot, $OutDir))
New-Item -ItemType Directory -Force -Path $OutDir | Out-Null

$PolicyKeyReg = 'HKLM\SOFTWARE\Policies\CCMS Terminal Project\CCMS Terminal'
$PolicyKey = 'HKLM:\SOFTWARE\Policies\CCMS Terminal Project\CCMS Terminal'
$VendorKey = 'HKLM:\SOFTWARE\Policies\CCMS Terminal Project'
# The Programs and Features entries, in both registry views.
$ArpRoots = @(
  'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall',
  'HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall'
)
$ProgramFilesDir = if ($env:ProgramW6432) { $env:ProgramW6432 } else { $env:ProgramFiles }
$SimUrl = "https://127.0.0.1:$SimPort"
$Report = Join-Path $OutDir 'uninstall-leftovers.txt'

$Failures = New-Object System.Collections.Generic.List[string]
function Add-Failure([string]$Message) {
  $Failures.Add($Message)
  # A GitHub annotation on the run; plain text by hand.
  Write-Host "::error::$Message"
}
function Write-Step([string]$Title) { Write-Host "== $Title" }

function Get-MsiProperty([string]$Path, [string]$Name) {
  # Late-bound COM: WindowsInstaller.Installer has no type library PowerShell can bind to.
  $installer = New-Object -ComObject WindowsInstaller.Installer
  $db = $installer.GetType().InvokeMember('OpenDatabase', 'InvokeMethod', $null, $installer, @($Path, 0))
  $view = $db.GetType().InvokeMember('OpenView', 'InvokeMethod', $null, $db,
    @("SELECT Value FROM Property WHERE Property = '$Name'"))
  [void]$view.GetType().InvokeMember('Execute', 'InvokeMethod', $null, $view, $null)
  $record = $view.GetType().InvokeMember('Fetch', 'InvokeMethod', $null, $view, $null)
  $value = $null
  if ($null -ne $record) {
    $value = $record.GetType().InvokeMember('StringData', 'GetProperty', $null, $record, 1)
  }
  [void]$view.GetType().InvokeMember('Close', 'InvokeMethod', $null, $view, $null)
  # Releasing the database closes the MSI file before msiexec opens it.
  [void][Runtime.InteropServices.Marshal]::ReleaseComObject($view)
  [void][Runtime.InteropServices.Marshal]::ReleaseComObject($db)
  [void][Runtime.InteropServices.Marshal]::ReleaseComObject($installer)
  return $value
}

function Get-ProductState([string]$Code) {
  # Windows Installer's own answer: 5 installed (msiInstallStateDefault), -1 unknown product.
  $installer = New-Object -ComObject WindowsInstaller.Installer
  try {
    return [int]$installer.GetType().InvokeMember('ProductState', 'GetProperty', $null, $installer, @($Code))
  } finally {
    [void][Runtime.InteropServices.Marshal]::ReleaseComObject($installer)
  }
}

function Invoke-Msiexec([string[]]$Arguments) {
  # msiexec is a GUI-subsystem program: called directly it returns before it is done.
  $p = Start-Process -FilePath (Join-Path $env:SystemRoot 'System32\msiexec.exe') `
    -ArgumentList $Arguments -Wait -PassThru
  return $p.ExitCode
}

function Invoke-Native([string]$File, [string[]]$Arguments) {
  # reg.exe reports success on stderr; Windows PowerShell 5.1 turns a redirected stderr line into
  # a terminating error under ErrorActionPreference Stop, so stderr is read as text here.
  $saved = $ErrorActionPreference
  $ErrorActionPreference = 'Continue'
  try {
    $out = @(& $File @Arguments 2>&1 | ForEach-Object { "$_" })
    $code = $LASTEXITCODE
  } finally {
    $ErrorActionPreference = $saved
  }
  return [pscustomobject]@{ Code = $code; Output = $out }
}

function Get-ShortcutDirs {
  # A per-machine MSI writes to the common folders; the user's are checked too so that a
  # shortcut landing in the wrong place is reported rather than missed.
  $dirs = @(
    [Environment]::GetFolderPath('CommonDesktopDirectory'),
    [Environment]::GetFolderPath('DesktopDirectory'),
    [Environment]::GetFolderPath('CommonPrograms'),
    [Environment]::GetFolderPath('Programs')
  )
  $dirs | Where-Object { $_ } | Select-Object -Unique
}

function Find-Shortcuts {
  return @(Get-ShortcutDirs | ForEach-Object { Join-Path $_ "$ShortcutName.lnk" } |
      Where-Object { Test-Path -LiteralPath $_ })
}

function Find-InstalledExe {
  return @(Get-ChildItem -LiteralPath $ProgramFilesDir -Filter $ExeName -File -Depth 1 -ErrorAction SilentlyContinue)
}

function Get-UserDataDirs {
  return @(
    (Join-Path $env:APPDATA $AppDataName),
    (Join-Path $env:LOCALAPPDATA $AppDataName)
  )
}

# ---- resolve the MSI and what it installs
if (-not $Msi) {
  $found = @(Get-ChildItem -LiteralPath (Join-Path $RepoRoot 'release') -Filter '*.msi' -File -ErrorAction SilentlyContinue)
  if ($found.Count -ne 1) {
    throw "expected exactly one MSI in release\ (npm run dist), found $($found.Count); pass -Msi <path>."
  }
  $Msi = $found[0].FullName
} else {
  $Msi = (Resolve-Path -LiteralPath $Msi).Path
}
$ProductCode = Get-MsiProperty $Msi 'ProductCode'
$ProductName = Get-MsiProperty $Msi 'ProductName'
$ProductVersion = Get-MsiProperty $Msi 'ProductVersion'
Write-Host "MSI: $Msi"
Write-Host "Product: $ProductName $ProductVersion, product code $ProductCode"
if (-not $ProductCode) { throw "$Msi has no ProductCode: not a Windows Installer package?" }
$ArpKeys = @($ArpRoots | ForEach-Object { Join-Path $_ $ProductCode })
function Find-ArpKeys { return @($ArpKeys | Where-Object { Test-Path -LiteralPath $_ }) }

if (@(Find-InstalledExe).Count -gt 0 -or (Get-ProductState $ProductCode) -ne -1) {
  Write-Host "::warning::$ProductName is installed already; the MSI upgrades it and the uninstall at the end removes it."
}

$installAttempted = $false
$sim = $null
$simData = Join-Path ([IO.Path]::GetTempPath()) ("ccms-sim-" + [guid]::NewGuid().ToString('N'))
$caPath = Join-Path $simData 'ca.pem'
$policyBackup = Join-Path $OutDir 'policy-backup.reg'
$policyWritten = $false
$policyExisted = Test-Path -LiteralPath $PolicyKey
$vendorKeyExisted = Test-Path -LiteralPath $VendorKey
$installDir = $null

try {
  # ---- 1. install
  Write-Step "install: msiexec /i $Msi /qn"
  $installAttempted = $true
  $code = Invoke-Msiexec @('/i', "`"$Msi`"", '/qn', '/norestart', '/l*v', "`"$(Join-Path $OutDir 'install.log')`"")
  Write-Host "msiexec /i exit code: $code"
  # 3010: installed, a restart is needed to finish (ERROR_SUCCESS_REBOOT_REQUIRED).
  if ($code -ne 0 -and $code -ne 3010) { throw "msiexec /i failed with exit code $code (see install.log)" }

  $exes = @(Find-InstalledExe)
  if ($exes.Count -ne 1) {
    throw "expected one $ExeName under $ProgramFilesDir after install, found $($exes.Count): $(($exes | ForEach-Object { $_.FullName }) -join ', ')"
  }
  $exe = $exes[0].FullName
  $installDir = $exes[0].DirectoryName
  Write-Host "installed: $exe"

  $state = Get-ProductState $ProductCode
  if ($state -ne 5) { Add-Failure "Windows Installer does not list $ProductCode as installed (state $state)" }
  $arpFound = @(Find-ArpKeys)
  if ($arpFound.Count -eq 0) {
    Add-Failure "no Programs and Features entry ($($ArpKeys -join ' or ')) after install"
  }
  foreach ($key in $arpFound) {
    $arp = (Get-ItemProperty -LiteralPath $key).PSObject.Properties
    $shown = @('DisplayName', 'DisplayVersion', 'Publisher' | ForEach-Object { if ($arp[$_]) { $arp[$_].Value } })
    Write-Host "Programs and Features: $($shown -join ', ') ($key)"
  }

  $shortcuts = @(Find-Shortcuts)
  $desktopDirs = @([Environment]::GetFolderPath('CommonDesktopDirectory'), [Environment]::GetFolderPath('DesktopDirectory'))
  $desktop = @($shortcuts | Where-Object { $desktopDirs -contains (Split-Path $_) })
  $menu = @($shortcuts | Where-Object { $desktopDirs -notcontains (Split-Path $_) })
  if ($desktop.Count -eq 0) { Add-Failure "no desktop shortcut '$ShortcutName.lnk' after install" }
  if ($menu.Count -eq 0) { Add-Failure "no Start menu shortcut '$ShortcutName.lnk' after install" }
  $shell = New-Object -ComObject WScript.Shell
  foreach ($lnk in $shortcuts) {
    $target = $shell.CreateShortcut($lnk).TargetPath
    Write-Host "shortcut: $lnk -> $target"
    # An advertised shortcut has no plain target; one that names a target must name our exe.
    if ($target -and ($target -ne $exe)) { Add-Failure "shortcut $lnk points at $target, not $exe" }
  }

  # ---- 2. the simulator, in the background
  Write-Step "simulator on $SimUrl (data: $simData)"
  $env:CCMS_SIM_PORT = "$SimPort"
  $env:CCMS_SIM_DATA = $simData
  $node = (Get-Command node -CommandType Application | Select-Object -First 1).Source
  # node --import tsx is what `npx tsx simulator/cli.ts` runs, in one process that can be stopped
  # by its id (npx would add cmd.exe and a second node in between).
  $sim = Start-Process -FilePath $node -ArgumentList @('--import', 'tsx', 'simulator/cli.ts') `
    -WorkingDirectory $RepoRoot -NoNewWindow -PassThru `
    -RedirectStandardOutput (Join-Path $OutDir 'simulator.log') `
    -RedirectStandardError (Join-Path $OutDir 'simulator.err.log')
  & $node --import tsx scripts/ci/wait-for-health.ts --url $SimUrl --ca $caPath `
    --timeout-sec $HealthTimeoutSec --pid $sim.Id
  if ($LASTEXITCODE -ne 0) { throw 'the simulator did not answer /api/v1/health (see simulator.log, simulator.err.log)' }

  # ---- 3. machine policy pointing the terminal at the simulator
  Write-Step "machine policy: $PolicyKeyReg"
  if ($policyExisted) {
    $r = Invoke-Native 'reg.exe' @('export', $PolicyKeyReg, $policyBackup, '/y', '/reg:64')
    if ($r.Code -ne 0) { throw "could not save the existing $PolicyKeyReg`: $($r.Output -join ' ')" }
    Write-Host "saved the existing policy to $policyBackup; it is restored at the end"
    Remove-Item -LiteralPath $PolicyKey -Recurse -Force
  }
  $policyWritten = $true
  New-Item -Path $PolicyKey -Force | Out-Null
  New-ItemProperty -LiteralPath $PolicyKey -Name 'SimulatorUrl' -PropertyType String -Value $SimUrl -Force | Out-Null
  New-ItemProperty -LiteralPath $PolicyKey -Name 'AllowedEnvironments' -PropertyType MultiString -Value @('simulator') -Force | Out-Null
  New-ItemProperty -LiteralPath $PolicyKey -Name 'ExtraCaCertificates' -PropertyType MultiString -Value @($caPath) -Force | Out-Null
  New-ItemProperty -LiteralPath $PolicyKey -Name 'LogLevel' -PropertyType String -Value 'debug' -Force | Out-Null
  # What Windows now holds under the key, as IT would look at it: kept in policy.txt, and checked
  # for the two values the smoke test depends on.
  $r = Invoke-Native 'reg.exe' @('query', $PolicyKeyReg)
  if ($r.Code -ne 0) { throw "reg query $PolicyKeyReg failed: $($r.Output -join ' ')" }
  $query = $r.Output
  $query | Set-Content -LiteralPath (Join-Path $OutDir 'policy.txt')
  $query | ForEach-Object { Write-Host $_ }
  if (-not ($query -match ('^    SimulatorUrl    REG_SZ    ' + [regex]::Escape($SimUrl) + '$'))) {
    throw "reg query does not show SimulatorUrl = $SimUrl"
  }
  if (-not ($query -match '^    AllowedEnvironments    REG_MULTI_SZ    simulator$')) {
    throw 'reg query does not show AllowedEnvironments = simulator'
  }

  # ---- 4. the installed app, driven by the Electron smoke test
  # installed-app.test.ts signs in on the installed app; fuses.test.ts reads the packaged
  # binary's Electron fuses back against electron-builder.yml. Both skip without these variables.
  Write-Step "smoke test: test/electron/installed-app.test.ts and fuses.test.ts on $exe"
  $env:CCMS_ELECTRON_EXECUTABLE = $exe
  $env:CCMS_SMOKE_SIM_URL = $SimUrl
  $env:CCMS_SMOKE_SIM_CA = $caPath
  $env:CCMS_SMOKE_SIM_DATA = $simData
  & npx.cmd vitest run --project electron test/electron/installed-app.test.ts test/electron/fuses.test.ts
  if ($LASTEXITCODE -ne 0) { Add-Failure "the smoke test of the installed app failed (exit code $LASTEXITCODE)" }
} catch {
  Add-Failure "$($_.Exception.Message)"
} finally {
  foreach ($name in 'CCMS_ELECTRON_EXECUTABLE', 'CCMS_SMOKE_SIM_URL', 'CCMS_SMOKE_SIM_CA', 'CCMS_SMOKE_SIM_DATA') {
    Remove-Item -LiteralPath "Env:$name" -ErrorAction SilentlyContinue
  }

  # ---- the app's logs, before anything is removed: the profile's, and those of the smoke test's
  # own --user-data-dir profiles (test/electron/electron-harness.ts) if they are still there
  try {
    $leftProfiles = @(Get-ChildItem -Path (Join-Path ([IO.Path]::GetTempPath()) 'ccms-electron-*\user\logs') -Directory -ErrorAction SilentlyContinue)
    foreach ($logs in $leftProfiles) {
      $to = Join-Path (Join-Path $OutDir 'app-logs') $logs.Parent.Parent.Name
      New-Item -ItemType Directory -Force -Path $to | Out-Null
      Copy-Item -LiteralPath $logs.FullName -Destination $to -Recurse -Force
      Write-Host "copied $($logs.FullName)"
    }
    foreach ($dir in Get-UserDataDirs) {
      $logs = Join-Path $dir 'logs'
      if (Test-Path -LiteralPath $logs) {
        $to = Join-Path (Join-Path $OutDir 'app-logs') (Split-Path (Split-Path $dir) -Leaf)
        New-Item -ItemType Directory -Force -Path $to | Out-Null
        Copy-Item -LiteralPath $logs -Destination $to -Recurse -Force
        Write-Host "copied $logs"
      }
    }
  } catch { Add-Failure "copying the app's logs: $($_.Exception.Message)" }

  # ---- 5. uninstall and what it leaves behind
  if ($installAttempted -and (Get-ProductState $ProductCode) -ne -1) {
    try {
      if ($installDir) {
        $running = @(Get-Process -ErrorAction SilentlyContinue | Where-Object {
            $p = $null; try { $p = $_.Path } catch { }; $p -and $p.StartsWith($installDir, [StringComparison]::OrdinalIgnoreCase) })
        if ($running.Count -gt 0) {
          Add-Failure "still running from $installDir after the smoke test: $(($running | ForEach-Object { "$($_.Name) ($($_.Id))" }) -join ', ')"
          $running | Stop-Process -Force -ErrorAction SilentlyContinue
          Start-Sleep -Seconds 2
        }
      }
      Write-Step "uninstall: msiexec /x $Msi /qn"
      $code = Invoke-Msiexec @('/x', "`"$Msi`"", '/qn', '/norestart', '/l*v', "`"$(Join-Path $OutDir 'uninstall.log')`"")
      Write-Host "msiexec /x exit code: $code"
      if ($code -ne 0 -and $code -ne 3010) { Add-Failure "msiexec /x failed with exit code $code (see uninstall.log)" }

      $lines = New-Object System.Collections.Generic.List[string]
      $lines.Add("What the uninstall of $ProductName $ProductVersion left behind ($(Get-Date -Format o))")
      $lines.Add('')
      $lines.Add('Removed by the uninstall (each must be gone):')
      $mustGo = @()
      if ($installDir) { $mustGo += $installDir }
      $mustGo += @(Get-ShortcutDirs | ForEach-Object { Join-Path $_ "$ShortcutName.lnk" })
      foreach ($path in $mustGo) {
        if (Test-Path -LiteralPath $path) {
          $lines.Add("  LEFT   $path")
          Add-Failure "left after uninstall: $path"
          if ((Get-Item -LiteralPath $path) -is [IO.DirectoryInfo]) {
            Get-ChildItem -LiteralPath $path -Recurse -Force | ForEach-Object { $lines.Add("           $($_.FullName)") }
          }
        } else {
          $lines.Add("  gone   $path")
        }
      }
      $exeLeft = @(Find-InstalledExe)
      if ($exeLeft.Count -gt 0) { Add-Failure "left after uninstall: $(($exeLeft | ForEach-Object { $_.FullName }) -join ', ')" }
      $state = Get-ProductState $ProductCode
      if ($state -ne -1) {
        $lines.Add("  LEFT   Windows Installer product $ProductCode (state $state)")
        Add-Failure "Windows Installer still knows $ProductCode after uninstall (state $state)"
      } else {
        $lines.Add("  gone   Windows Installer product $ProductCode")
      }
      foreach ($key in $ArpKeys) {
        if (Test-Path -LiteralPath $key) {
          $lines.Add("  LEFT   $key")
          Add-Failure "Programs and Features entry left after uninstall: $key"
        }
      }

      $lines.Add('')
      $lines.Add('Kept on purpose (per-user data; listed, not deleted):')
      foreach ($dir in Get-UserDataDirs) {
        if (Test-Path -LiteralPath $dir) {
          $lines.Add("  kept   $dir")
          Get-ChildItem -LiteralPath $dir -Recurse -Force -File -ErrorAction SilentlyContinue |
            ForEach-Object { $lines.Add(("           {0} ({1} bytes)" -f $_.FullName.Substring($dir.Length + 1), $_.Length)) }
        } else {
          $lines.Add("  none   $dir")
        }
      }
      # cmdkey prints target names only, never the secrets.
      $creds = @((Invoke-Native 'cmdkey.exe' @('/list')).Output | Where-Object { $_ -match 'Target:.*CCMS Terminal' } | ForEach-Object { $_.Trim() })
      if ($creds.Count -gt 0) {
        $lines.Add("  kept   Credential Manager: $($creds.Count) entries (Settings > Forget this workstation removes them)")
        $creds | ForEach-Object { $lines.Add("           $_") }
      } else {
        $lines.Add('  none   Credential Manager entries for CCMS Terminal')
      }
      $lines | Set-Content -LiteralPath $Report
      $lines | ForEach-Object { Write-Host $_ }
      if ($env:GITHUB_STEP_SUMMARY) {
        Add-Content -LiteralPath $env:GITHUB_STEP_SUMMARY -Value (@('### Uninstall leftovers', '', '```') + $lines + @('```'))
      }
    } catch { Add-Failure "uninstall: $($_.Exception.Message)" }
  } elseif ($installAttempted) {
    Write-Host "not registered with Windows Installer: nothing to uninstall"
  }

  # ---- 6. policy, simulator, temporary data
  try {
    if ($policyWritten) {
      Remove-Item -LiteralPath $PolicyKey -Recurse -Force -ErrorAction SilentlyContinue
      if ($policyExisted -and (Test-Path -LiteralPath $policyBackup)) {
        $r = Invoke-Native 'reg.exe' @('import', $policyBackup, '/reg:64')
        if ($r.Code -ne 0) { Add-Failure "could not restore the saved policy from $policyBackup`: $($r.Output -join ' ')" }
        else { Write-Host "restored the saved policy"; Remove-Item -LiteralPath $policyBackup -Force }
      }
      if (-not $vendorKeyExisted -and (Test-Path -LiteralPath $VendorKey) -and
          @(Get-ChildItem -LiteralPath $VendorKey).Count -eq 0) {
        Remove-Item -LiteralPath $VendorKey -Force
      }
      if (-not $policyExisted -and (Test-Path -LiteralPath $PolicyKey)) { Add-Failure "could not remove $PolicyKeyReg" }
      else { Write-Host "policy key removed" }
    }
  } catch { Add-Failure "policy cleanup: $($_.Exception.Message)" }
  if ($null -ne $sim -and -not $sim.HasExited) {
    Stop-Process -Id $sim.Id -Force -ErrorAction SilentlyContinue
    $sim.WaitForExit(10000) | Out-Null
  }
  Remove-Item -LiteralPath $simData -Recurse -Force -ErrorAction SilentlyContinue
  Remove-Item -LiteralPath 'Env:CCMS_SIM_PORT', 'Env:CCMS_SIM_DATA' -ErrorAction SilentlyContinue
}

if ($Failures.Count -gt 0) {
  Write-Host ''
  Write-Host "windows-install-test: $($Failures.Count) problem(s):"
  $Failures | ForEach-Object { Write-Host "  - $_" }
  exit 1
}
Write-Host 'windows-install-test: installed, ran, uninstalled cleanly'
exit 0
