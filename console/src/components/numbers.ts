/** A count with thousands separators and the noun in the number it needs: "1 person", "5,003 people". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

export const minutes = (n: number) => count(n, 'minute');

/** A span of whole seconds in its largest exact unit: "1 hour", "90 minutes", "2 days", "45 seconds". */
export function duration(seconds: number): string {
  if (seconds > 0 && seconds % 86_400 === 0) return count(seconds / 86_400, 'day');
  if (seconds > 0 && seconds % 3_600 === 0) return count(seconds / 3_600, 'hour');
  if (seconds > 0 && seconds % 60 === 0) return minutes(seconds / 60);
  return count(seconds, 'second');
}
