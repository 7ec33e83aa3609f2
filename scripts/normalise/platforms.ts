/**
 * Normalised platform names, from the platforms of `Version(s)` and from `Operating System(s)`.
 * Spellings measured on the shared corpus (case-folded, version groups): windows 20,145, winnt 11,782
 * (`winnt`/`WinNT`/`WINNT`/`Winnt`/`WinNt`), ms-dos 2,826, macintosh 968, os/2 168, win95 137, win2000 113,
 * `windows nt` 57, nt 24, unix 24, win3x 10, `ms- dos` 7, `windows|macintos` 7, mac 4 … and OS values
 * `MS-DOS`, `OS/2`, `DOS`, `OS2`, `0S/2`, `MS_DOS`, `WINDOWS`, `winnt`, `MACINTOSH`.
 * A name that is not a platform (`IIS:3.0`, `N\A:`, OS junk like `5.10`) is left out of `platforms`
 * and counted (`kb:platform-unknown`): it stays visible in `versions`/`os` as written.
 */
import { silentReport, type NormaliseReport } from './report.ts';

/** Lower-cased, tidied spelling → display name. */
const PLATFORM_NAMES: Record<string, string> = {
  'windows': 'Windows',
  'win': 'Windows',
  'winnt': 'Windows NT',
  'windows nt': 'Windows NT',
  'winnet': 'Windows NT', // 1 page, a typo of WinNT in a WinNT/Win95 list
  'nt': 'Windows NT',
  'win95': 'Windows 95',
  'windows 95': 'Windows 95',
  'win98': 'Windows 98',
  'windows 98': 'Windows 98',
  'win2000': 'Windows 2000',
  'windows 2000': 'Windows 2000',
  'win3x': 'Windows 3.x',
  'win3.x': 'Windows 3.x',
  'windows 3.x': 'Windows 3.x',
  'windows 3.1x': 'Windows 3.x',
  'wfw': 'Windows for Workgroups',
  'wfwg': 'Windows for Workgroups',
  'ms-dos': 'MS-DOS',
  'msdos': 'MS-DOS',
  'dos': 'MS-DOS',
  'macintosh': 'Macintosh',
  'macintos': 'Macintosh', // `WINDOWS|MACINTOS:` — the source field was cut (7 pages)
  'mac': 'Macintosh',
  'os/2': 'OS/2',
  'os2': 'OS/2',
  'unix': 'UNIX',
};

/** `WINDOWS`, `windows` → `Windows`; `winnt`, `WinNT`, `windows nt`, `nt` → `Windows NT`; `MS- DOS`, `MS_DOS` → `MS-DOS`; `0S/2` → `OS/2`. */
export function platformName(raw: string): string | null {
  const key = raw
    .trim()
    .toLowerCase()
    .replace(/_/g, '-') // MS_DOS
    .replace(/\s+/g, ' ')
    .replace(/\s*([-/])\s*/g, '$1') // MS- DOS
    .replace(/^0s/, 'os'); // 0S/2 (a zero)
  return PLATFORM_NAMES[key] ?? null;
}

/**
 * The record's `platforms`: sorted unique display names. `versionPlatforms` are the platforms written in
 * `Version(s)` (`WINDOWS|MACINTOS` counts as both); `os` the `Operating System(s)` items.
 */
export function normalisePlatforms(
  versionPlatforms: readonly string[],
  os: readonly string[],
  report: NormaliseReport = silentReport,
): string[] {
  const out = new Set<string>();
  for (const raw of [...versionPlatforms.flatMap((p) => p.split('|')), ...os]) {
    const name = platformName(raw);
    if (name === null) report.note('kb:platform-unknown');
    else out.add(name);
  }
  return [...out].sort();
}
