/** A count with thousands separators and the noun in the number it needs: "1 person", "5,003 people". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

export const minutes = (n: number) => count(n, 'minute');
