/** Date formats of the real tools. The guest runs in UTC. */
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function two(n: number): string {
  return String(n).padStart(2, '0');
}

export function monthName(date: Date): string {
  return MONTHS[date.getUTCMonth()] as string;
}

export function dayName(date: Date): string {
  return DAYS[date.getUTCDay()] as string;
}

export function clockTime(date: Date): string {
  return `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
}

/** `date` default output: "Wed Nov 11 17:03:15 UTC 2015". */
export function dateCommandFormat(epochMs: number): string {
  const d = new Date(epochMs);
  return `${dayName(d)} ${monthName(d)} ${String(d.getUTCDate()).padStart(2, ' ')} ${clockTime(d)} UTC ${d.getUTCFullYear()}`;
}

/** sshd's "Last login" format: "Wed Nov 11 17:03:15 2015". */
export function lastLoginFormat(epochMs: number): string {
  const d = new Date(epochMs);
  return `${dayName(d)} ${monthName(d)} ${String(d.getUTCDate()).padStart(2, ' ')} ${clockTime(d)} ${d.getUTCFullYear()}`;
}

/** Python BaseHTTPServer log time: "11/Nov/2015 17:03:15". */
export function httpLogTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${two(d.getUTCDate())}/${monthName(d)}/${d.getUTCFullYear()} ${clockTime(d)}`;
}

/** `ls -l` time column: "Nov 11 17:03" within six months, else "Nov 11  2014". */
export function lsTime(mtimeMs: number, nowMs: number): string {
  const d = new Date(mtimeMs);
  const sixMonths = (365.2425 / 2) * 24 * 3600 * 1000;
  const recent = mtimeMs <= nowMs + 60_000 && nowMs - mtimeMs < sixMonths;
  const day = String(d.getUTCDate()).padStart(2, ' ');
  const tail = recent ? `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}` : ` ${d.getUTCFullYear()}`;
  return `${monthName(d)} ${day} ${tail}`;
}

/** A strftime subset for `date +FORMAT`. */
export function strftime(format: string, epochMs: number): string {
  const d = new Date(epochMs);
  return format.replace(/%([a-zA-Z%])/g, (match, code: string) => {
    switch (code) {
      case 'Y': return String(d.getUTCFullYear());
      case 'y': return two(d.getUTCFullYear() % 100);
      case 'm': return two(d.getUTCMonth() + 1);
      case 'd': return two(d.getUTCDate());
      case 'e': return String(d.getUTCDate()).padStart(2, ' ');
      case 'H': return two(d.getUTCHours());
      case 'M': return two(d.getUTCMinutes());
      case 'S': return two(d.getUTCSeconds());
      case 'T': return clockTime(d);
      case 'F': return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
      case 'D': return `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${two(d.getUTCFullYear() % 100)}`;
      case 'a': return dayName(d);
      case 'b': case 'h': return monthName(d);
      case 'Z': return 'UTC';
      case 'z': return '+0000';
      case 's': return String(Math.floor(epochMs / 1000));
      case 'n': return '\n';
      case 't': return '\t';
      case '%': return '%';
      default: return match;
    }
  });
}
